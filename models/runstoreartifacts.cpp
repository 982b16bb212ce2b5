// RunStore: a run's artifacts (the files of ./outputs) and their promotions.
#include "runstore.h"

#include "storevalues.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace StoreValues;

bool RunStore::setArtifacts(qint64 run, const QVector<ArtifactRecord> &artifacts)
{
    return replaceRunRows(run, QStringLiteral("artifacts"),
                          QStringLiteral("INSERT INTO artifacts (run, path, size, sha256, link_target) "
                                         "VALUES (?, ?, ?, ?, ?)"),
                          int(artifacts.size()), [&artifacts](QSqlQuery &q, int i) {
                              q.bindValue(1, artifacts.at(i).path);
                              q.bindValue(2, artifacts.at(i).size);
                              q.bindValue(3, textValue(artifacts.at(i).sha256));
                              q.bindValue(4, textValue(artifacts.at(i).linkTarget));
                          });
}

QVector<ArtifactRecord> RunStore::artifacts(qint64 run)
{
    QVector<ArtifactRecord> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT path, size, sha256, link_target FROM artifacts WHERE run = ? ORDER BY path"));
    q.addBindValue(run);
    if (exec(q))
        while (q.next())
            result.append(
                { q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString() });
    return result;
}

QHash<qint64, QVector<ArtifactRecord>> RunStore::allArtifacts()
{
    QHash<qint64, QVector<ArtifactRecord>> result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT a.run, a.path, a.size, a.sha256, a.link_target FROM artifacts a "
                             "JOIN runs r ON r.id = a.run WHERE r.project_id = ? ORDER BY a.run, a.path"));
    q.addBindValue(m_projectId);
    if (exec(q))
        while (q.next())
            result[q.value(0).toLongLong()].append(
                { q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString(), q.value(4).toString() });
    return result;
}

bool RunStore::addPromotion(qint64 run, const PromotionRecord &p)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO promotions (run, asset_path, artifact_path, sha256, time_us) "
                             "VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(run);
    q.addBindValue(p.assetPath);
    q.addBindValue(p.artifactPath);
    q.addBindValue(p.sha256);
    q.addBindValue(p.timeUs);
    return exec(q);
}

QVector<PromotionRecord> RunStore::promotions(qint64 run)
{
    QVector<PromotionRecord> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT asset_path, artifact_path, sha256, time_us FROM promotions "
                             "WHERE run = ? ORDER BY time_us"));
    q.addBindValue(run);
    if (exec(q))
        while (q.next())
            result.append(
                { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong() });
    return result;
}

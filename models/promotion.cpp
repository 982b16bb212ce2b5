#include "promotion.h"

#include "artifactfiles.h"
#include "runstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Promotion", text); }

Promotion::Result failure(Promotion::Outcome outcome, const QString &error) { return { outcome, error, {} }; }

} // namespace

Promotion::Result Promotion::promote(RunStore *store, const Project &project, const RunRecord &run,
                                     const QString &artifact, const QString &name, bool replace)
{
    if (!ArtifactFiles::isSafeRelativePath(name) || name.contains(QLatin1Char('/')))
        return failure(Outcome::BadName,
                       tr("The asset name “%1” must be a plain file name (no folders, no “..”).").arg(name));
    QString artifactPath = artifact;
    if (!artifactPath.startsWith(QLatin1String("outputs/")))
        artifactPath.prepend(QStringLiteral("outputs/"));
    const QVector<ArtifactRecord> artifacts = store->artifacts(run.id);
    const auto it = std::find_if(artifacts.cbegin(), artifacts.cend(),
                                 [&](const ArtifactRecord &a) { return a.path == artifactPath; });
    if (it == artifacts.cend() || !ArtifactFiles::isSafeRelativePath(artifactPath) || it->isLink())
        return failure(Outcome::NoSuchArtifact, tr("Run %1 has no artifact “%2”.").arg(run.runId, artifact));
    const QString assets = project.assetsDir();
    if (QFileInfo(assets).isSymLink())
        return failure(Outcome::Failed, tr("%1 is a symbolic link; promote writes only inside the project.")
                                            .arg(QDir::toNativeSeparators(assets)));
    const QString target = assets + QLatin1Char('/') + name;
    if (QFileInfo(target).isSymLink())
        return failure(Outcome::Failed,
                       tr("%1 is a link; Runbench never writes through one.").arg(QDir::toNativeSeparators(target)));
    if (QFileInfo::exists(target) && !replace)
        return failure(Outcome::Exists, tr("%1 exists.").arg(QDir::toNativeSeparators(target)));
    QDir().mkpath(assets);
    QString error;
    if (!ArtifactFiles::copyVerified(project.runDir(run.runId) + QLatin1Char('/') + artifactPath, target, it->sha256,
                                     &error))
        return failure(Outcome::Failed, error);
    PromotionRecord p;
    p.assetPath = QStringLiteral("assets/") + name;
    p.artifactPath = artifactPath;
    p.sha256 = it->sha256;
    p.timeUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    if (!store->addPromotion(run.id, p))
        return failure(Outcome::Failed, store->lastError());
    return { Outcome::Done, QString(), p };
}

#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QVector>

// .gitignore-style rules: '#' comments, '!' negation, a trailing '/' for
// folders only, a '/' elsewhere anchors the pattern to its base folder,
// '*', '?', '[…]' and '**'. The last matching rule wins.
class IgnoreRules
{
public:
    // baseDir is the folder (relative to the project, "" for the root) the
    // patterns were read from, as for a nested .gitignore.
    void addPatterns(const QStringList &lines, const QString &baseDir = QString());
    bool addFile(const QString &filePath, const QString &baseDir = QString());

    // relativePath uses '/' and no leading "./".
    bool isIgnored(const QString &relativePath, bool isDir) const;
    bool isEmpty() const { return m_rules.isEmpty(); }

private:
    struct Rule
    {
        QRegularExpression regex;
        bool negate = false;
        bool dirOnly = false;
    };
    QVector<Rule> m_rules;
};

#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

// A read-only viewer for code and logs: KSyntaxHighlighting when the build
// has it (definition by file name, theme from the palette, reapplied when
// the palette changes), plain monospace text otherwise. Files load off the
// GUI thread; a late result for a file no longer shown is dropped.
class CodeViewer : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit CodeViewer(QWidget *parent = nullptr);

    // Shows the file (its first maxBytes, or its last ones with fromEnd).
    void showFile(const QString &path, qint64 maxBytes = 4 << 20, bool fromEnd = false);
    void showText(const QString &text, const QString &fileNameForSyntax = QString());
    QString filePath() const { return m_path; }

    // "" when the build has no KSyntaxHighlighting.
    static QString highlightingVersion();

Q_SIGNALS:
    void fileShown(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();
    void setDefinitionFor(const QString &fileName);

    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter = nullptr;
    QString m_path;
    int m_generation = 0;
};

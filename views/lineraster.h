#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>

// Thin antialiased lines (Wu's algorithm) blended straight into an image:
// for charts of tens of thousands of lines. QPainter hands the pixels of
// every line it draws to a thread pool in pieces, which costs more than
// the line itself at this count.
class LineRaster
{
public:
    explicit LineRaster(const QSize &size);

    void drawLine(QPointF from, QPointF to, const QColor &color, double opacity);
    const QImage &image() const { return m_image; }

private:
    QImage m_image; // premultiplied ARGB, transparent where nothing was drawn
    QRgb *m_bits = nullptr;
    int m_stride = 0; // pixels per line
    int m_width = 0;
    int m_height = 0;
};

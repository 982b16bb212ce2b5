#include "lineraster.h"

#include <cmath>
#include <utility>

namespace {

// Source over, in premultiplied values, two channels at a time: s holds the
// colour's red|blue or alpha|green in 0x00XX00YY form (already times 255),
// a the coverage (0…255).
inline void blend(QRgb *pixel, quint32 rb, quint32 ag, quint32 a)
{
    const quint32 keep = 255 - a;
    const quint32 d = *pixel;
    quint32 outRB = rb * a + (d & 0x00ff00ffu) * keep;
    quint32 outAG = ag * a + ((d >> 8) & 0x00ff00ffu) * keep;
    outRB = ((outRB + ((outRB >> 8) & 0x00ff00ffu) + 0x00800080u) >> 8) & 0x00ff00ffu;
    outAG = (outAG + ((outAG >> 8) & 0x00ff00ffu) + 0x00800080u) & 0xff00ff00u;
    *pixel = outRB | outAG;
}

} // namespace

LineRaster::LineRaster(const QSize &size)
    : m_image(size, QImage::Format_ARGB32_Premultiplied)
{
    m_image.fill(Qt::transparent);
    m_bits = reinterpret_cast<QRgb *>(m_image.bits());
    m_stride = int(m_image.bytesPerLine() / int(sizeof(QRgb)));
    m_width = m_image.width();
    m_height = m_image.height();
}

// Wu's algorithm in 16.16 fixed point: along the longer direction, two
// pixels per step sharing the coverage.
void LineRaster::drawLine(QPointF from, QPointF to, const QColor &color, double opacity)
{
    const quint32 rb = (quint32(color.red()) << 16) | quint32(color.blue());
    const quint32 ag = (255u << 16) | quint32(color.green());
    const int alpha = int(qBound(0.0, opacity, 1.0) * 256);
    double x0 = from.x(), y0 = from.y(), x1 = to.x(), y1 = to.y();
    if (!std::isfinite(x0) || !std::isfinite(y0) || !std::isfinite(x1) || !std::isfinite(y1))
        return;
    const bool steep = std::abs(y1 - y0) > std::abs(x1 - x0);
    if (steep) {
        std::swap(x0, y0);
        std::swap(x1, y1);
    }
    if (x0 > x1) {
        std::swap(x0, x1);
        std::swap(y0, y1);
    }
    const int along = steep ? m_height : m_width; // the main direction's extent
    const int across = steep ? m_width : m_height;
    const double dx = x1 - x0;
    const double gradient = dx == 0 ? 0 : (y1 - y0) / dx;
    const int first = qMax(0, int(std::lround(x0)));
    const int last = qMin(along - 1, int(std::lround(x1)));
    if (first > last)
        return;
    qint64 y = qint64((y0 + gradient * (first - x0)) * 65536.0);
    const qint64 step = qint64(gradient * 65536.0);
    const qsizetype alongStride = steep ? m_stride : 1;
    const qsizetype acrossStride = steep ? 1 : m_stride;
    QRgb *line = m_bits + qsizetype(first) * alongStride;
    for (int i = first; i <= last; ++i, y += step, line += alongStride) {
        const int iy = int(y >> 16);
        const quint32 frac = quint32((y >> 8) & 0xff);
        const quint32 upper = quint32(alpha) * (255 - frac) >> 8;
        const quint32 lower = quint32(alpha) * frac >> 8;
        if (iy >= 0 && iy < across && upper > 0)
            blend(line + iy * acrossStride, rb, ag, upper);
        if (iy + 1 >= 0 && iy + 1 < across && lower > 0)
            blend(line + (iy + 1) * acrossStride, rb, ag, lower);
    }
}

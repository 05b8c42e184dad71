#pragma once
// Deterministic damage for robustness tests: byte-wise mutations of frames and value-wise damage
// to JSON documents (site files) and cell- and line-wise damage to CSV files. Fixed seeds: the
// same run every time.
#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <random>

namespace ww::testing {

// Byte-wise mutations, several per frame: the damage a bad device, a proxy or an attacker does.
class Mutator
{
public:
    explicit Mutator(quint64 seed) : m_rng(seed) {}
    size_t below(size_t n) { return n ? size_t(m_rng() % n) : 0; }
    bool chance(int percent) { return int(m_rng() % 100) < percent; }

    QByteArray mutate(QByteArray b, const QByteArray& other)
    {
        static const char* const tokens[] = {"0", "-1", "1e308", "-1e308", "1e-320", "NaN", "99999999999999999999",
                                             "\"\"", "null", "[]", "{}", "true", "\"\\u0000\"", "-0"};
        const int edits = 1 + int(below(3));
        for (int e = 0; e < edits; ++e) {
            const size_t n = size_t(b.size());
            switch (below(8)) {
            case 0: // one bit
                if (n)
                    b[qsizetype(below(n))] = char(b[qsizetype(below(n))] ^ char(1 << below(8)));
                break;
            case 1: { // an awkward byte
                static const char bytes[] = {'\0', '\xff', '\x7f', '\x80', '"', '{', '[', '-', '9', ',', ':'};
                if (n)
                    b[qsizetype(below(n))] = bytes[below(sizeof bytes)];
                break;
            }
            case 2: // cut short
                b.truncate(qsizetype(below(n + 1)));
                break;
            case 3: // a range gone
                if (n)
                    b.remove(qsizetype(below(n)), qsizetype(1 + below(16)));
                break;
            case 4: { // bytes inserted
                QByteArray junk;
                for (size_t i = 0, k = 1 + below(8); i < k; ++i)
                    junk.append(char(m_rng()));
                b.insert(qsizetype(below(n + 1)), junk);
                break;
            }
            case 5: // a range repeated
                if (n) {
                    const qsizetype at = qsizetype(below(n));
                    b.insert(at, b.mid(at, qsizetype(1 + below(32))));
                }
                break;
            case 6: // spliced with another frame
                b = b.left(qsizetype(below(n + 1))) + other.mid(qsizetype(below(size_t(other.size()) + 1)));
                break;
            default: { // a number or token replaced by an extreme one (JSON's weak spot)
                const qsizetype at = qsizetype(below(n + 1));
                qsizetype end = at;
                while (end < b.size() && (std::isalnum(uchar(b[end])) || b[end] == '.' || b[end] == '-'))
                    ++end;
                b.replace(at, end - at, tokens[below(std::size(tokens))]);
                break;
            }
            }
        }
        return b;
    }

private:
    std::mt19937_64 m_rng;
};


// Damages one node of a JSON tree, found by a random walk from the root: removed, repeated (in an
// array: a duplicated room, gateway or patient) or replaced by a value of another type or range.
inline QJsonValue damage(QJsonValue v, Mutator& m, int depth = 0)
{
    if (v.isObject() && !v.toObject().isEmpty() && depth < 12 && (depth == 0 || !m.chance(10))) {
        QJsonObject o = v.toObject();
        const QStringList keys = o.keys();
        const QString key = keys[qsizetype(m.below(size_t(keys.size())))];
        if (m.chance(10))
            o.remove(key);
        else
            o[key] = damage(o[key], m, depth + 1);
        return o;
    }
    if (v.isArray() && !v.toArray().isEmpty() && depth < 12 && !m.chance(10)) {
        QJsonArray a = v.toArray();
        const qsizetype i = qsizetype(m.below(size_t(a.size())));
        if (m.chance(10))
            a.removeAt(i);
        else if (m.chance(10))
            a.append(a[i]);
        else
            a[i] = damage(a[i], m, depth + 1);
        return a;
    }
    const QJsonValue values[] = {QJsonValue(),         true,          0,           -1,
                                 1e9,                  -1e9,          0.5,         1e-300,
                                 QString(),            QStringLiteral("x"),       QString(10000, u'w'),
                                 QJsonArray{},         QJsonObject{}, QJsonArray{1, 2},
                                 QJsonArray{QJsonArray{0, 0}}};
    return values[m.below(std::size(values))];
}

// Cell- and line-wise damage to a CSV file: what a spreadsheet, a truncated copy or a hand edit does.
inline QByteArray damageCsv(const QByteArray& text, Mutator& m)
{
    QList<QByteArray> lines = text.split('\n');
    while (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast();
    static const char* const cells[] = {"", "x", "nan", "NaN", "inf", "-inf", "1e308", "-1e308", "1e-320", " 5 ", "0x10",
                                        "-0", "99999999999", "\xf0\x9f\x98\x80", "\"a,b\"", "1,5", "--3", "+7", "1e", "."};
    const qsizetype at = qsizetype(m.below(size_t(lines.size())));
    switch (m.below(10)) {
    case 0: case 1: case 2: case 3: { // one cell replaced (the header's cells too: a column renamed)
        QList<QByteArray> c = lines[at].split(',');
        c[qsizetype(m.below(size_t(c.size())))] = cells[m.below(std::size(cells))];
        lines[at] = c.join(',');
        break;
    }
    case 4: // a line gone
        lines.removeAt(at);
        break;
    case 5: // a line twice
        lines.insert(at, lines[at]);
        break;
    case 6: // two lines swapped: out of time order
        if (at + 1 < lines.size())
            lines.swapItemsAt(at, at + 1);
        break;
    case 7: // a cell missing or one too many
        if (m.chance(50))
            lines[at].truncate(std::max<qsizetype>(0, lines[at].lastIndexOf(',')));
        else
            lines[at].append(",7");
        break;
    case 8: // cut short mid-line
        lines = lines.mid(0, at + 1);
        lines.back().truncate(qsizetype(m.below(size_t(lines.back().size()) + 1)));
        break;
    default: // a byte-order mark, Windows line ends or blank lines
        if (m.chance(33))
            lines.front().prepend("\xef\xbb\xbf");
        else if (m.chance(50))
            for (auto& l : lines)
                l.append('\r');
        else
            lines.insert(at, QByteArray());
        break;
    }
    return lines.join('\n') + '\n';
}

} // namespace ww::testing

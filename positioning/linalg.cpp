// The small dense linear algebra the filter, the lattice and the least squares share (internal.h):
// a 2x2 inverse and Gaussian elimination for two or three unknowns.
#include "positioning/internal.h"

#include <cmath>
#include <utility>

namespace ww::pos {

bool invert2(const double a[2][2], double out[2][2])
{
    const double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
    if (!(std::abs(det) > 1e-12))
        return false;
    out[0][0] = a[1][1] / det;
    out[1][1] = a[0][0] / det;
    out[0][1] = -a[0][1] / det;
    out[1][0] = -a[1][0] / det;
    return true;
}

bool solveLinear(const double M[3][3], const double b[3], double s[3], int n)
{
    double a[3][4];
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j)
            a[i][j] = M[i][j];
        a[i][3] = b[i];
    }
    for (int c = 0; c < n; ++c) {
        int p = c;
        for (int r = c + 1; r < n; ++r)
            if (std::abs(a[r][c]) > std::abs(a[p][c]))
                p = r;
        if (!(std::abs(a[p][c]) > 1e-15))
            return false;
        for (int j = 0; j < 4; ++j)
            std::swap(a[c][j], a[p][j]);
        for (int r = 0; r < n; ++r)
            if (r != c) {
                const double f = a[r][c] / a[c][c];
                for (int j = c; j < 4; ++j)
                    a[r][j] -= f * a[c][j];
            }
    }
    for (int i = 0; i < n; ++i)
        s[i] = a[i][3] / a[i][i];
    return true;
}

} // namespace ww::pos

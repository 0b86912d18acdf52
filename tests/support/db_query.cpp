#include "support/db_query.h"

#include <iconv.h>
#include <stdexcept>

namespace doorstep::test {

std::int64_t queryInt(const storage::Connection& db, const std::string& sql)
{
    auto s = db.prepare(sql);
    if (!s.step()) throw std::runtime_error("the query returned no row");
    return s.columnInt(0);
}

std::vector<std::string> queryTexts(const storage::Connection& db, const std::string& sql)
{
    std::vector<std::string> out;
    auto s = db.prepare(sql);
    while (s.step())
        out.push_back(s.columnText(0));
    return out;
}

std::string toGb18030(std::string_view utf8)
{
    iconv_t cd = ::iconv_open("GB18030", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("no GB18030 in iconv");
    std::string out(utf8.size() * 2 + 8, '\0');
    std::string input(utf8);
    char* in = input.data();
    std::size_t inLeft = input.size();
    char* outPtr = out.data();
    std::size_t outLeft = out.size();
    const std::size_t r = ::iconv(cd, &in, &inLeft, &outPtr, &outLeft);
    ::iconv_close(cd);
    if (r == static_cast<std::size_t>(-1)) throw std::runtime_error("cannot convert to GB18030");
    out.resize(out.size() - outLeft);
    return out;
}

}  // namespace doorstep::test

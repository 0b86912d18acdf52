#pragma once
// Made-up people for the synthetic extract: names, resident ID numbers, phones, addresses in Shanghai's
// districts, employers. Every value is drawn at random from small lists; nothing comes from, or is meant
// to describe, a real person (a drawn name or number may still exist by chance).
#include "domain/portfolio/portfolio.h"
#include "domain/shared/calendar.h"
#include "io/demo/synthetic_random.h"

#include <span>
#include <string>
#include <string_view>

namespace doorstep::io::synthetic {

struct District {
    std::string_view name;      // 浦东新区
    std::string_view areaCode;  // the first six digits of a resident ID number issued there: 310115
    std::int64_t latitudeE6;    // a point near the middle of the district (WGS-84, degrees × 1e6)
    std::int64_t longitudeE6;
    std::int64_t spreadE6;                    // addresses fall within ± this of the middle, inside the district
    int weight;                               // share of the population (10k residents, 2020 census, rounded)
    std::span<const std::string_view> roads;  // road names without 路
};

// Shanghai's sixteen districts.
std::span<const District> shanghaiDistricts();
const District& randomDistrict(Random& random);

enum class Sex { Male, Female };

std::string randomSurname(Random& random);
// A common surname followed by a given name of one or two characters suited to the sex.
std::string randomName(Random& random, Sex sex);
std::string randomNameWithSurname(Random& random, Sex sex, std::string_view surname);

// GB 11643-1999 check character over 17 digits: Σ digit·weight mod 11 → "10X98765432". The digits must be
// '0'–'9' (the caller builds them).
char residentIdCheckCharacter(std::string_view first17Digits);
// Area code, birth date YYYYMMDD, a 3-digit sequence (odd for men, even for women, as the standard
// says), and the check character.
std::string randomResidentId(Random& random, std::string_view areaCode, Date birth, Sex sex);

// 11 digits on a 13x, 15x, 18x or 19x mobile prefix.
std::string randomMobile(Random& random);

// "<district><road>路<number>号<room>室", e.g. 浦东新区张杨路1500号302室.
std::string randomAddress(Random& random, const District& district);
GeoPointE6 randomLocation(Random& random, const District& district);

// Empty for about one borrower in eight (retired, not working, not declared).
std::string randomEmployer(Random& random);

// A uniformly drawn day in [from, to].
Date randomDate(Random& random, Date from, Date to);

}  // namespace doorstep::io::synthetic

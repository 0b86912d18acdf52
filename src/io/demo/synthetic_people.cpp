#include "io/demo/synthetic_people.h"

#include <array>
#include <fmt/core.h>

namespace doorstep::io::synthetic {
namespace {

using namespace std::string_view_literals;

constexpr std::array kHuangpuRoads{"南京东"sv, "淮海中"sv, "西藏南"sv, "复兴东"sv, "中山南"sv, "河南中"sv, "陆家浜"sv};
constexpr std::array kXuhuiRoads{"漕溪北"sv, "天钥桥"sv, "肇嘉浜"sv, "宜山"sv,
                                 "龙华西"sv, "虹梅"sv,   "田林"sv,   "斜土"sv};
constexpr std::array kChangningRoads{"延安西"sv, "天山"sv, "仙霞"sv, "虹桥"sv, "遵义"sv, "长宁"sv, "古北"sv, "茅台"sv};
constexpr std::array kJinganRoads{"南京西"sv, "共和新"sv, "万航渡"sv, "北京西"sv,
                                  "江场西"sv, "平型关"sv, "大统"sv,   "延长"sv};
constexpr std::array kPutuoRoads{"曹杨"sv, "真北"sv, "武宁"sv, "长寿"sv, "铜川"sv, "金沙江"sv, "中山北"sv, "光复西"sv};
constexpr std::array kHongkouRoads{"四川北"sv, "曲阳"sv, "大连"sv, "广中"sv, "临平"sv, "西江湾"sv, "海伦"sv, "欧阳"sv};
constexpr std::array kYangpuRoads{"控江"sv, "国定"sv, "平凉"sv, "黄兴"sv, "殷行"sv, "长阳"sv, "邯郸"sv, "政立"sv};
constexpr std::array kMinhangRoads{"七莘"sv, "莘松"sv, "都市"sv, "沪闵"sv, "虹井"sv, "春申"sv, "银都"sv, "古美"sv};
constexpr std::array kBaoshanRoads{"牡丹江"sv, "友谊"sv, "淞滨"sv, "呼兰"sv, "泰和"sv, "长江西"sv, "月浦"sv};
constexpr std::array kJiadingRoads{"城中"sv, "博乐"sv, "塔城"sv, "清河"sv, "嘉罗"sv, "叶城"sv, "胜辛"sv, "墨玉"sv};
constexpr std::array kPudongRoads{"张杨"sv, "东方"sv, "浦东南"sv, "杨高中"sv, "金桥"sv,   "锦绣"sv,
                                  "峨山"sv, "崂山"sv, "源深"sv,   "川沙"sv,   "华夏东"sv, "龙东"sv};
constexpr std::array kJinshanRoads{"卫清西"sv, "石化"sv, "蒙山"sv, "龙胜"sv, "朱泾"sv, "亭卫"sv};
constexpr std::array kSongjiangRoads{"人民北"sv, "中山中"sv, "荣乐东"sv, "谷阳北"sv, "文诚"sv, "广富林"sv, "沪亭北"sv};
constexpr std::array kQingpuRoads{"公园"sv, "城中东"sv, "青安"sv, "华青"sv, "外青松"sv, "盈港东"sv};
constexpr std::array kFengxianRoads{"南桥"sv, "解放东"sv, "环城东"sv, "百齐"sv, "金海"sv, "望园南"sv};
constexpr std::array kChongmingRoads{"八一"sv, "人民"sv, "鼓浦"sv, "南门"sv, "城桥"sv, "翠竹"sv};

// Middles chosen so that ± spread stays on land inside the district.
const std::array<District, 16> kDistricts{{
    {"黄浦区", "310101", 31'231'700, 121'484'600, 12'000, 66, kHuangpuRoads},
    {"徐汇区", "310104", 31'188'600, 121'436'500, 25'000, 111, kXuhuiRoads},
    {"长宁区", "310105", 31'215'000, 121'400'000, 18'000, 69, kChangningRoads},
    {"静安区", "310106", 31'260'000, 121'455'000, 18'000, 97, kJinganRoads},
    {"普陀区", "310107", 31'249'300, 121'395'600, 18'000, 124, kPutuoRoads},
    {"虹口区", "310109", 31'272'000, 121'488'000, 14'000, 76, kHongkouRoads},
    {"杨浦区", "310110", 31'280'000, 121'525'000, 18'000, 124, kYangpuRoads},
    {"闵行区", "310112", 31'112'800, 121'381'600, 40'000, 265, kMinhangRoads},
    {"宝山区", "310113", 31'390'000, 121'440'000, 35'000, 223, kBaoshanRoads},
    {"嘉定区", "310114", 31'374'700, 121'265'500, 40'000, 183, kJiadingRoads},
    {"浦东新区", "310115", 31'200'000, 121'600'000, 60'000, 568, kPudongRoads},
    {"金山区", "310116", 30'800'000, 121'300'000, 40'000, 80, kJinshanRoads},
    {"松江区", "310117", 31'032'400, 121'227'500, 40'000, 191, kSongjiangRoads},
    {"青浦区", "310118", 31'150'400, 121'124'000, 40'000, 127, kQingpuRoads},
    {"奉贤区", "310120", 30'920'000, 121'474'000, 40'000, 114, kFengxianRoads},
    {"崇明区", "310151", 31'640'000, 121'500'000, 30'000, 64, kChongmingRoads},
}};

// The common surnames, most frequent first.
constexpr std::array kSurnames{
    "王"sv, "李"sv, "张"sv, "刘"sv, "陈"sv, "杨"sv, "黄"sv, "赵"sv, "吴"sv, "周"sv, "徐"sv, "孙"sv, "马"sv, "朱"sv,
    "胡"sv, "郭"sv, "何"sv, "高"sv, "林"sv, "罗"sv, "郑"sv, "梁"sv, "谢"sv, "宋"sv, "唐"sv, "许"sv, "韩"sv, "冯"sv,
    "邓"sv, "曹"sv, "彭"sv, "曾"sv, "肖"sv, "田"sv, "董"sv, "袁"sv, "潘"sv, "于"sv, "蒋"sv, "蔡"sv, "余"sv, "杜"sv,
    "叶"sv, "程"sv, "苏"sv, "魏"sv, "吕"sv, "丁"sv, "任"sv, "沈"sv, "姚"sv, "卢"sv, "姜"sv, "崔"sv, "钟"sv, "谭"sv,
    "陆"sv, "汪"sv, "范"sv, "金"sv, "石"sv, "廖"sv, "贾"sv, "夏"sv, "韦"sv, "付"sv, "方"sv, "白"sv, "邹"sv, "孟"sv,
    "熊"sv, "秦"sv, "邱"sv, "江"sv, "尹"sv, "薛"sv, "闫"sv, "段"sv, "雷"sv, "侯"sv, "龙"sv, "史"sv, "陶"sv, "黎"sv,
    "贺"sv, "顾"sv, "毛"sv, "郝"sv, "龚"sv, "邵"sv, "万"sv, "钱"sv, "严"sv, "武"sv, "戴"sv, "莫"sv, "孔"sv, "汤"sv};

constexpr std::array kMaleGiven{"伟"sv, "强"sv, "磊"sv, "军"sv, "勇"sv, "杰"sv, "涛"sv, "超"sv, "刚"sv, "辉"sv,
                                "鹏"sv, "飞"sv, "鑫"sv, "波"sv, "斌"sv, "宇"sv, "浩"sv, "凯"sv, "健"sv, "俊"sv,
                                "帆"sv, "旭"sv, "龙"sv, "阳"sv, "建"sv, "国"sv, "志"sv, "海"sv, "峰"sv, "亮"sv,
                                "东"sv, "晨"sv, "昊"sv, "博"sv, "轩"sv, "睿"sv, "翔"sv, "成"sv, "荣"sv, "新"sv};
constexpr std::array kFemaleGiven{"芳"sv, "娜"sv, "敏"sv, "静"sv, "丽"sv, "艳"sv, "娟"sv, "霞"sv, "秀"sv, "英"sv,
                                  "玲"sv, "桂"sv, "兰"sv, "燕"sv, "萍"sv, "红"sv, "梅"sv, "琳"sv, "雪"sv, "婷"sv,
                                  "慧"sv, "颖"sv, "洁"sv, "倩"sv, "晶"sv, "丹"sv, "莉"sv, "玉"sv, "欣"sv, "怡"sv,
                                  "佳"sv, "琪"sv, "蕾"sv, "薇"sv, "悦"sv, "雯"sv, "璐"sv, "雅"sv, "莹"sv, "彤"sv};
// First characters of two-character names that suit either sex.
constexpr std::array kNeutralGiven{"文"sv, "明"sv, "华"sv, "晓"sv, "嘉"sv, "思"sv, "子"sv, "雨"sv,
                                   "家"sv, "春"sv, "秋"sv, "云"sv, "一"sv, "安"sv, "永"sv, "立"sv};

constexpr std::array kMobilePrefixes{"130"sv, "131"sv, "132"sv, "133"sv, "134"sv, "135"sv, "136"sv, "137"sv, "138"sv,
                                     "139"sv, "150"sv, "151"sv, "152"sv, "153"sv, "155"sv, "156"sv, "157"sv, "158"sv,
                                     "159"sv, "180"sv, "181"sv, "182"sv, "183"sv, "184"sv, "185"sv, "186"sv, "187"sv,
                                     "188"sv, "189"sv, "191"sv, "193"sv, "195"sv, "196"sv, "197"sv, "198"sv, "199"sv};

constexpr std::array kFirmWords{"宏达"sv,   "鑫源"sv, "恒泰"sv, "瑞丰"sv, "嘉禾"sv, "永盛"sv, "华信"sv, "申达"sv,
                                "浦江"sv,   "明辉"sv, "天成"sv, "远航"sv, "新海"sv, "润安"sv, "佳和"sv, "金鼎"sv,
                                "汇丰源"sv, "茂林"sv, "海纳"sv, "启明"sv, "博远"sv, "锦程"sv, "东升"sv, "同创"sv};
constexpr std::array kTrades{"物流"sv,     "科技"sv,     "贸易"sv,     "餐饮管理"sv, "建筑工程"sv, "电子"sv,
                             "服装"sv,     "医疗器械"sv, "文化传媒"sv, "物业管理"sv, "汽车服务"sv, "食品"sv,
                             "机械制造"sv, "信息技术"sv, "装饰工程"sv, "家政服务"sv, "包装材料"sv, "教育咨询"sv};

template <typename T, std::size_t N> std::span<const T> all(const std::array<T, N>& items)
{
    return std::span<const T>(items.data(), N);
}

}  // namespace

std::span<const District> shanghaiDistricts()
{
    return all(kDistricts);
}

const District& randomDistrict(Random& random)
{
    static const std::array<int, 16> weights = [] {
        std::array<int, 16> w{};
        for (std::size_t i = 0; i < kDistricts.size(); ++i)
            w[i] = kDistricts[i].weight;
        return w;
    }();
    return kDistricts[random.weighted(weights)];
}

std::string randomSurname(Random& random)
{
    // The first ten surnames are held by far more people than the rest.
    static const std::array<int, kSurnames.size()> weights = [] {
        std::array<int, kSurnames.size()> w{};
        for (std::size_t i = 0; i < w.size(); ++i)
            w[i] = i < 10 ? 6 : i < 30 ? 3 : 1;
        return w;
    }();
    return std::string(kSurnames[random.weighted(weights)]);
}

std::string randomNameWithSurname(Random& random, Sex sex, std::string_view surname)
{
    const auto own = sex == Sex::Male ? all(kMaleGiven) : all(kFemaleGiven);
    std::string name(surname);
    if (random.chance(350'000)) {
        name += random.pick(own);
    } else {
        name += random.chance(300'000) ? random.pick(all(kNeutralGiven)) : random.pick(own);
        name += random.pick(own);
    }
    return name;
}

std::string randomName(Random& random, Sex sex)
{
    return randomNameWithSurname(random, sex, randomSurname(random));
}

char residentIdCheckCharacter(std::string_view first17Digits)
{
    // GB 11643-1999: weights 2^(17−i) mod 11 for positions 1 … 17; the remainder picks the character.
    static constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr std::string_view kCheck = "10X98765432";
    int sum = 0;
    for (std::size_t i = 0; i < kWeights.size() && i < first17Digits.size(); ++i)
        sum += (first17Digits[i] - '0') * kWeights[i];
    return kCheck[static_cast<std::size_t>(sum % 11)];
}

std::string randomResidentId(Random& random, std::string_view areaCode, Date birth, Sex sex)
{
    // The last digit of the sequence is odd for men and even for women.
    const int sequence = random.between(0, 499) * 2 + (sex == Sex::Male ? 1 : 0);
    std::string id = fmt::format("{}{:04}{:02}{:02}{:03}", areaCode, static_cast<int>(birth.year()),
                                 static_cast<unsigned>(birth.month()), static_cast<unsigned>(birth.day()), sequence);
    id += residentIdCheckCharacter(id);
    return id;
}

std::string randomMobile(Random& random)
{
    // One draw per statement: the order in which function arguments are evaluated is unspecified.
    const std::string_view prefix = random.pick(all(kMobilePrefixes));
    return fmt::format("{}{:08}", prefix, random.between(std::int64_t{0}, std::int64_t{99'999'999}));
}

std::string randomAddress(Random& random, const District& district)
{
    const int number = random.chance(700'000) ? random.between(1, 800) : random.between(801, 3000);
    // Flats are numbered floor and door (1502); old lane houses just 1, 2, 3 ….
    int room = random.between(1, 12);
    if (random.chance(750'000)) {
        const int floor = random.between(1, 28);
        room = floor * 100 + random.between(1, 6);
    }
    const std::string_view road = random.pick(district.roads);
    return fmt::format("{}{}路{}号{}室", district.name, road, number, room);
}

GeoPointE6 randomLocation(Random& random, const District& district)
{
    return GeoPointE6{district.latitudeE6 + random.between(-district.spreadE6, district.spreadE6),
                      district.longitudeE6 + random.between(-district.spreadE6, district.spreadE6)};
}

std::string randomEmployer(Random& random)
{
    if (random.chance(120'000)) return {};
    if (random.chance(80'000)) return "个体经营";
    return fmt::format("上海{}{}有限公司", random.pick(all(kFirmWords)), random.pick(all(kTrades)));
}

Date randomDate(Random& random, Date from, Date to)
{
    const auto first = std::chrono::sys_days{from}.time_since_epoch().count();
    const auto last = std::chrono::sys_days{to}.time_since_epoch().count();
    return Date{std::chrono::sys_days{std::chrono::days{random.between(std::int64_t{first}, std::int64_t{last})}}};
}

}  // namespace doorstep::io::synthetic

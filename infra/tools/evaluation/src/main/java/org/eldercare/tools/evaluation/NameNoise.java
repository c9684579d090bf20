package org.eldercare.tools.evaluation;

import com.hankcs.hanlp.HanLP;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eldercare.search.normalize.NameNormalizer;

/**
 * Hand-entry slips in names: a homophone (张→章), a look-alike character, swapped given-name characters, spaces,
 * a middle dot, traditional characters. The look-alike pairs are the generator's own list and include pairs the
 * matcher's table lacks, so the evaluation does not only test the matcher against itself.
 */
final class NameNoise {

    static final String SURNAMES =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
    static final String GIVEN =
            "秀英兰华玉珍凤芳淑桂荣梅琴云丽霞敏静建国军明志强文德福春海平金宝成林永生庆山红光伟勇刚辉斌超杰涛鹏飞胜利民中学水长振喜贵仁义礼智信忠孝友善和顺祥瑞兴旺发达财富贞洁翠菊莲香琼娟萍燕丹彩凤美惠慧芬艳玲秋冬雪月星晶玉坤乾元亨泰安宁康乐天佑嘉宏伯仲叔季德才俊杰英豪";
    private static final String[] LOOK_ALIKES = {
        "己已", "未末", "王玉", "杨扬", "淑叔", "丽莉", "玲铃", "英瑛", "萍苹", "华桦", "军车", "建健", "红虹", "凤风", "芳方", "娟绢",
        "桂佳", "宁宇", "志忠", "刚钢", "伟韦", "祥样", "辉晖", "静净", "永水", "贵责", "福副", "泉全", "卫为", "兴光", "秋愁", "侯候",
        "鸣呜", "荣菜", "春椿", "明朋", "胜性", "仁认", "喜嘉", "杰洁"
    };

    private final Map<String, List<Character>> bySyllable = new HashMap<>();
    private final Map<Character, List<Character>> lookAlikes = new HashMap<>();

    NameNoise() {
        for (char c : (SURNAMES + GIVEN + "章汪黎柳阳沉伍吴胡湖虎付傅符富夫").toCharArray()) {
            List<Character> same = bySyllable.computeIfAbsent(NameNormalizer.syllable(c), k -> new ArrayList<>());
            if (!same.contains(c)) {
                same.add(c);
            }
        }
        for (String pair : LOOK_ALIKES) {
            lookAlikes.computeIfAbsent(pair.charAt(0), k -> new ArrayList<>()).add(pair.charAt(1));
            lookAlikes.computeIfAbsent(pair.charAt(1), k -> new ArrayList<>()).add(pair.charAt(0));
        }
    }

    /** The name with one character replaced by a homophone, or unchanged when none is known. */
    String homophone(String name, Random random) {
        return replaceOne(name, random, c -> bySyllable.getOrDefault(NameNormalizer.syllable(c), List.of()));
    }

    /** The name with one character replaced by a look-alike, or unchanged when none is known. */
    String lookAlike(String name, Random random) {
        return replaceOne(name, random, c -> lookAlikes.getOrDefault(c, List.of()));
    }

    static String swapGiven(String name) {
        return name.length() == 3 ? "" + name.charAt(0) + name.charAt(2) + name.charAt(1) : name;
    }

    static String traditional(String name) {
        return HanLP.convertToTraditionalChinese(name);
    }

    static String spaced(String name, Random random) {
        String sep = random.nextBoolean() ? " " : "\u3000";
        return " " + name.charAt(0) + sep + name.substring(1) + " ";
    }

    private static String replaceOne(
            String name, Random random, java.util.function.Function<Character, List<Character>> options) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < name.length(); i++) {
            if (options.apply(name.charAt(i)).stream().anyMatch(c -> c != null)) {
                positions.add(i);
            }
        }
        positions.removeIf(i -> options.apply(name.charAt(i)).stream().allMatch(c -> c == name.charAt(i)));
        if (positions.isEmpty()) {
            return name;
        }
        int at = positions.get(random.nextInt(positions.size()));
        List<Character> choices = options.apply(name.charAt(at)).stream()
                .filter(c -> c != name.charAt(at))
                .toList();
        return name.substring(0, at) + choices.get(random.nextInt(choices.size())) + name.substring(at + 1);
    }
}

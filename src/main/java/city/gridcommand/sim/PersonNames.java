package city.gridcommand.sim;

import java.util.SplittableRandom;

/** Plausible Chinese names and mobile numbers for the demo city's people; made up, never real ones. */
final class PersonNames {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华建国志海晓红文斌玉兰婷雪梅俊峰浩宇欣怡嘉";

    private PersonNames() {
    }

    static String name(SplittableRandom random) {
        StringBuilder name = new StringBuilder(3);
        name.append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = random.nextInt(10) < 7 ? 2 : 1;
        for (int i = 0; i < given; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    /** An 11-digit mobile number in the 13x–19x ranges. */
    static String phone(SplittableRandom random) {
        return "1" + random.nextInt(3, 10) + String.format("%09d", random.nextInt(1_000_000_000));
    }
}

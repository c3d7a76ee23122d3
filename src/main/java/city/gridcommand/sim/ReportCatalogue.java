package city.gridcommand.sim;

import city.gridcommand.sim.Payloads.WorkerReportDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** What grid workers find on their rounds (信息采集) and how they write it up, with photos now and then. */
final class ReportCatalogue {

    private static final String[][] FINDINGS = {
        {"garbage_overflow", "垃圾桶满溢，周边有散落垃圾"},
        {"illegal_parking", "机动车占用人行道停放，影响通行"},
        {"road_damage", "人行道地砖破损松动，存在绊倒隐患"},
        {"street_vending", "流动摊贩占道经营"},
        {"broken_streetlight", "路灯夜间不亮"},
        {"manhole_missing", "井盖缺失，已设置临时警示"},
        {"illegal_construction", "楼顶疑似违法搭建"},
        {"waterlogging", "路面积水约十厘米，行人绕行"},
        {"fire_hazard", "电动车在楼道内充电，存在消防隐患"},
        {"neighbour_dispute", "邻里因噪声发生纠纷，需要调解"},
    };
    static final String PHOTO_BASE = "https://photos.example.org/";

    private ReportCatalogue() {
    }

    /** A finding: mostly minor (GREEN), sometimes urgent (YELLOW), rarely grave (RED). */
    static WorkerReportDraft draft(String workerId, UUID reportId, SplittableRandom random) {
        String[] finding = FINDINGS[random.nextInt(FINDINGS.length)];
        double roll = random.nextDouble();
        String severity = roll < 0.70 ? "GREEN" : roll < 0.95 ? "YELLOW" : "RED";
        List<String> photos = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 1; i <= count; i++) {
            photos.add(PHOTO_BASE + workerId + "/" + reportId + "-" + i + ".jpg");
        }
        return new WorkerReportDraft(finding[0], finding[1], severity, photos);
    }

    /** A random (version 4) UUID from the simulation's own generator, so reruns repeat it. */
    static UUID reportId(SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}

package city.gridcommand.sim;

import city.gridcommand.sim.Payloads.WorkerReportDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** What grid workers find on their rounds (信息采集) and how they write it up, with photos now and then. */
final class ReportCatalogue {

    /**
     * Findings with their weight out of 100: the mix of city-management cases (issue 15: mostly sanitation,
     * street order and facilities; fires rare). The weights within that ordering are an assumption:
     * sanitation 30, street order 40 (parking 15, vending 15, advertising 10), facilities 20 (road 10,
     * streetlight 6, manhole 4), the rest 10. A fire hazard is a risk found (a scooter charging in a
     * stairwell), not a fire.
     */
    private static final Finding[] FINDINGS = {
        new Finding("garbage_overflow", "垃圾桶满溢，周边有散落垃圾", 30),
        new Finding("illegal_parking", "机动车占用人行道停放，影响通行", 15),
        new Finding("street_vending", "流动摊贩占道经营", 15),
        new Finding("illegal_advertising", "电线杆上张贴小广告", 10),
        new Finding("road_damage", "人行道地砖破损松动，存在绊倒隐患", 10),
        new Finding("broken_streetlight", "路灯夜间不亮", 6),
        new Finding("manhole_missing", "井盖缺失，已设置临时警示", 4),
        new Finding("illegal_construction", "楼顶疑似违法搭建", 3),
        new Finding("waterlogging", "路面积水约十厘米，行人绕行", 2),
        new Finding("fire_hazard", "电动车在楼道内充电，存在消防隐患", 2),
        new Finding("neighbour_dispute", "邻里因噪声发生纠纷，需要调解", 3),
    };
    private static final int TOTAL_WEIGHT = 100;

    private record Finding(String category, String description, int weight) {
    }
    static final String PHOTO_BASE = "https://photos.example.org/";

    private ReportCatalogue() {
    }

    /** A finding: mostly minor (GREEN), sometimes urgent (YELLOW), rarely grave (RED). */
    static WorkerReportDraft draft(String workerId, UUID reportId, SplittableRandom random) {
        Finding finding = draw(random);
        double roll = random.nextDouble();
        String severity = roll < 0.70 ? "GREEN" : roll < 0.95 ? "YELLOW" : "RED";
        List<String> photos = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 1; i <= count; i++) {
            photos.add(PHOTO_BASE + workerId + "/" + reportId + "-" + i + ".jpg");
        }
        return new WorkerReportDraft(finding.category(), finding.description(), severity, photos);
    }

    private static Finding draw(SplittableRandom random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (Finding finding : FINDINGS) {
            ticket -= finding.weight();
            if (ticket < 0) {
                return finding;
            }
        }
        throw new IllegalStateException("finding weights must sum to " + TOTAL_WEIGHT);
    }

    /** A random (version 4) UUID from the simulation's own generator, so reruns repeat it. */
    static UUID reportId(SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}

package city.gridcommand.cases;

/** A department that handles cases (专业部门), e.g. {@code dept-urban} 城市管理局, with its names. */
public record Department(String code, String nameZh, String nameEn) {
}

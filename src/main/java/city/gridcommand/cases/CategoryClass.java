package city.gridcommand.cases;

/** A top class of events (事件大类), e.g. {@code city_appearance} 市容环境, with its Chinese and English names. */
public record CategoryClass(String code, String nameZh, String nameEn) {
}

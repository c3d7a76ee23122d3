package city.gridcommand.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The event categories a case may have, their top classes and departments, and the step time limits,
 * after the event classification of GB/T 30428.2 / CJ/T 214 (城市管理事件) with this city's additions.
 * Loaded from {@value #RESOURCE}; the file's format is {@link CatalogueReader}'s Javadoc. Callers refuse
 * unknown category codes with {@link #find}.
 */
public final class CategoryCatalogue {

    /** The catalogue shipped with the service, on the class path. */
    public static final String RESOURCE = "cases/categories.json";
    /** The catch-all category every catalogue must have. */
    public static final String OTHER = "other";

    private final List<CategoryClass> classes;
    private final List<Department> departments;
    private final Map<String, Category> categories;
    private final DeadlineTable deadlines;

    private CategoryCatalogue(List<CategoryClass> classes, List<Department> departments,
            Map<String, Category> categories, DeadlineTable deadlines) {
        this.classes = classes;
        this.departments = departments;
        this.categories = categories;
        this.deadlines = deadlines;
    }

    /**
     * A catalogue from its parts; throws IllegalArgumentException listing every duplicate code, every
     * reference to an unknown class or department, and a missing {@value #OTHER} category.
     */
    public static CategoryCatalogue of(List<CategoryClass> classes, List<Department> departments,
            List<Category> categories, DeadlineTable deadlines) {
        List<String> problems = new ArrayList<>();
        Map<String, CategoryClass> classByCode = unique("class", classes, CategoryClass::code, problems);
        Map<String, Department> departmentByCode = unique("department", departments, Department::code, problems);
        Map<String, Category> categoryByCode = unique("category", categories, Category::code, problems);
        for (Category category : categories) {
            if (!classByCode.containsKey(category.classCode())) {
                problems.add("category " + category.code() + ": unknown class " + category.classCode());
            }
            if (!departmentByCode.containsKey(category.department())) {
                problems.add("category " + category.code() + ": unknown department " + category.department());
            }
        }
        if (!categoryByCode.containsKey(OTHER)) {
            problems.add("no '" + OTHER + "' category");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid category catalogue: " + String.join("; ", problems));
        }
        return new CategoryCatalogue(List.copyOf(classes), List.copyOf(departments),
                Collections.unmodifiableMap(categoryByCode), deadlines);
    }

    /** The catalogue shipped with the service ({@value #RESOURCE}). */
    public static CategoryCatalogue loadDefault() {
        try (InputStream in = CategoryCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** A catalogue in the JSON format of {@link CatalogueReader}; IllegalArgumentException names each fault. */
    public static CategoryCatalogue load(InputStream json) throws IOException {
        return new CatalogueReader().read(json);
    }

    /** The category with this code; empty for an unknown code, which callers refuse. */
    public Optional<Category> find(String code) {
        return Optional.ofNullable(code == null ? null : categories.get(code));
    }

    /**
     * The category with this code, or {@value #OTHER}: a case already stored under a code that a newer
     * catalogue dropped keeps being worked with the catch-all's department, levels and limits.
     */
    public Category resolve(String code) {
        return find(code).orElseGet(() -> categories.get(OTHER));
    }

    /** Every category, in file order. */
    public List<Category> categories() {
        return List.copyOf(categories.values());
    }

    public List<CategoryClass> classes() {
        return classes;
    }

    public List<Department> departments() {
        return departments;
    }

    public DeadlineTable deadlines() {
        return deadlines;
    }

    private static <T> Map<String, T> unique(String what, List<T> items, Function<T, String> code,
            List<String> problems) {
        Map<String, T> byCode = new LinkedHashMap<>();
        Set<String> reported = new HashSet<>();
        for (T item : items) {
            String key = code.apply(item);
            if (byCode.putIfAbsent(key, item) != null && reported.add(key)) {
                problems.add("duplicate " + what + " code " + key);
            }
        }
        return byCode;
    }
}

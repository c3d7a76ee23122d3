package city.gridcommand.api;

import io.quarkus.security.Authenticated;
import city.gridcommand.cases.Category;
import city.gridcommand.cases.CategoryCatalogue;
import city.gridcommand.cases.CategoryClass;
import city.gridcommand.cases.Department;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /api/v1/departments} and {@code /api/v1/categories}: who handles cases, and the event
 * classification (codes with Chinese and English names, their class and department) that rules,
 * reports and statistics use.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    /** A category as the API shows it. */
    public record CategoryView(String code, String classCode, String nameZh, String nameEn, String department) {
    }

    /** The classification: top classes and their categories. */
    public record Categories(List<CategoryClass> classes, List<CategoryView> categories) {
    }

    private final CategoryCatalogue catalogue;

    CatalogueResource(CategoryCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Authenticated
    @GET
    @Path("/departments")
    public List<Department> departments() {
        return catalogue.departments();
    }

    @Authenticated
    @GET
    @Path("/categories")
    public Categories categories() {
        return new Categories(catalogue.classes(), catalogue.categories().stream()
                .map(CatalogueResource::view).toList());
    }

    private static CategoryView view(Category c) {
        return new CategoryView(c.code(), c.classCode(), c.nameZh(), c.nameEn(), c.department());
    }
}

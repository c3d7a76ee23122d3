package city.gridcommand.geo.geojson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;

/**
 * Counts positions as the parser passes them and stops at a limit, so a feature of a million
 * vertices is refused before its tree is built. A position is an array whose first element is a
 * number; nothing else in a cell's GeoJSON is one (a {@code bbox} would count as one, which is noise).
 */
final class VertexCounter extends JsonParserDelegate {

    private final GridLimits limits;
    private long vertices;
    private int featureVertices;
    private int feature;

    VertexCounter(JsonParser parser, GridLimits limits) {
        super(parser);
        this.limits = limits;
    }

    /** The feature whose tokens come next: its count starts at zero, and a refusal names it. */
    void feature(int feature) {
        this.feature = feature;
        this.featureVertices = 0;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return counted(super.nextToken());
    }

    @Override
    public JsonToken nextValue() throws IOException {
        return counted(super.nextValue());
    }

    private JsonToken counted(JsonToken token) {
        if (token != null && token.isNumeric()) {
            JsonStreamContext context = delegate.getParsingContext();
            if (context.inArray() && context.getCurrentIndex() == 0) {
                if (++featureVertices > limits.maxFeatureVertices()) {
                    throw GridTooLargeException.featureVertices(limits.maxFeatureVertices(), feature);
                }
                if (++vertices > limits.maxVertices()) {
                    throw GridTooLargeException.vertices(limits.maxVertices(), feature);
                }
            }
        }
        return token;
    }
}

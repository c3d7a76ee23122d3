package city.gridcommand.cases;

/**
 * The switches a city sets on the workflow.
 *
 * @param autoRegisterMachineReports whether the service ({@code system}) may register a case raised by
 *                                   a sensor or camera rule without a dispatcher; default false, as the
 *                                   standard workflow has a person decide 立案
 * @param autoDispatch               whether the service may dispatch registered cases along their
 *                                   {@link Route}; default false
 * @param feedbackNeedsPhoto         whether feedback must carry at least one photo (处置后照片); default
 *                                   false, so terminals without cameras can still answer
 */
public record WorkflowPolicy(boolean autoRegisterMachineReports, boolean autoDispatch, boolean feedbackNeedsPhoto) {

    /** Every switch off: people decide, photos optional. */
    public static final WorkflowPolicy DEFAULT = new WorkflowPolicy(false, false, false);
}

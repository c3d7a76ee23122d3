package city.gridcommand.cases;

import java.util.Locale;

/**
 * How well a case was handled (综合评价): a score from 1 to 5 and its grade. On the wire
 * ({@code "score"}) either a digit 1–5 or a grade word; a word stands for the score 5 (good), 3 (fair)
 * or 1 (poor).
 */
public record Evaluation(int score, Grade grade) {

    /** The three-word scale used by hotline call-backs (满意 / 基本满意 / 不满意). */
    public enum Grade {
        GOOD, FAIR, POOR;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Evaluation {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("score must be 1 to 5: " + score);
        }
        if (grade != gradeOf(score)) {
            throw new IllegalArgumentException("grade " + grade + " does not match score " + score);
        }
    }

    public static Evaluation of(int score) {
        return new Evaluation(score, gradeOf(score));
    }

    /** The evaluation for a wire value ({@code "4"}, {@code "good"}), or null if it is not one. */
    public static Evaluation parse(String wire) {
        if (wire == null) {
            return null;
        }
        return switch (wire.trim().toLowerCase(Locale.ROOT)) {
            case "1", "2", "3", "4", "5" -> of(Integer.parseInt(wire.trim()));
            case "good" -> of(5);
            case "fair" -> of(3);
            case "poor" -> of(1);
            default -> null;
        };
    }

    private static Grade gradeOf(int score) {
        return score >= 4 ? Grade.GOOD : score == 3 ? Grade.FAIR : Grade.POOR;
    }
}

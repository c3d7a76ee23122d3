package city.gridcommand.geo.index;

import java.util.Arrays;

/** Growable primitive arrays for building a {@link CellIndex} without boxing millions of numbers. */
final class CellIndexArrays {

    private CellIndexArrays() {
    }

    /** A growable int array. */
    static final class Ints {
        private int[] values = new int[64];
        private int size;

        int size() {
            return size;
        }

        void add(int value) {
            ensure(size + 1);
            values[size++] = value;
        }

        /** Appends {@code count} zeros and returns the index of the first. */
        int reserve(int count) {
            ensure(size + count);
            int at = size;
            size += count;
            return at;
        }

        void set(int index, int value) {
            values[index] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }

        private void ensure(int capacity) {
            if (capacity > values.length) {
                values = Arrays.copyOf(values, Math.max(capacity, values.length * 2));
            }
        }
    }

    /** A growable double array. */
    static final class Doubles {
        private double[] values = new double[64];
        private int size;

        int size() {
            return size;
        }

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable long array. */
    static final class Longs {
        private long[] values = new long[64];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        /** The values so far, sorted ascending. */
        long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}

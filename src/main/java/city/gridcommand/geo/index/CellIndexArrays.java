package city.gridcommand.geo.index;

import java.util.Arrays;

/** Growable primitive arrays for building a {@link CellIndex} without boxing millions of numbers. */
final class CellIndexArrays {

    /** Values a block: 16,384 (64 KiB of ints), small beside a large index, few for a small one. */
    private static final int BLOCK_BITS = 14;
    private static final int BLOCK = 1 << BLOCK_BITS;
    private static final int BLOCK_MASK = BLOCK - 1;

    private CellIndexArrays() {
    }

    /**
     * A growable int array in blocks: growing allocates one more block and copies nothing, so a large index
     * never holds a doubled array beside its old one; {@link #toArray} copies into one exact array and lets
     * go of the blocks.
     */
    static final class Ints {
        private int[][] blocks = new int[8][];
        private int size;

        int size() {
            return size;
        }

        void add(int value) {
            ensure(size + 1);
            blocks[size >>> BLOCK_BITS][size & BLOCK_MASK] = value;
            size++;
        }

        /** Appends {@code count} zeros and returns the index of the first. */
        int reserve(int count) {
            ensure(size + count);
            int at = size;
            size += count;
            return at;
        }

        void set(int index, int value) {
            blocks[index >>> BLOCK_BITS][index & BLOCK_MASK] = value;
        }

        /** The values in one array; the blocks are let go as they are copied, so call it once, last. */
        int[] toArray() {
            int[] all = new int[size];
            for (int b = 0, at = 0; at < size; b++, at += BLOCK) {
                System.arraycopy(blocks[b], 0, all, at, Math.min(BLOCK, size - at));
                blocks[b] = null;
            }
            return all;
        }

        private void ensure(int capacity) {
            int needed = (int) (((long) capacity + BLOCK_MASK) >>> BLOCK_BITS);
            if (needed > blocks.length) {
                blocks = Arrays.copyOf(blocks, Math.max(needed, blocks.length * 2));
            }
            for (int b = needed - 1; b >= 0 && blocks[b] == null; b--) {
                blocks[b] = new int[BLOCK];
            }
        }
    }

    /** A growable double array in blocks, as {@link Ints}. */
    static final class Doubles {
        private double[][] blocks = new double[8][];
        private int size;

        int size() {
            return size;
        }

        void add(double value) {
            if ((size & BLOCK_MASK) == 0) {
                int b = size >>> BLOCK_BITS;
                if (b == blocks.length) {
                    blocks = Arrays.copyOf(blocks, blocks.length * 2);
                }
                blocks[b] = new double[BLOCK];
            }
            blocks[size >>> BLOCK_BITS][size & BLOCK_MASK] = value;
            size++;
        }

        double get(int index) {
            return blocks[index >>> BLOCK_BITS][index & BLOCK_MASK];
        }

        /** The values in one array; the blocks are let go as they are copied, so call it once, last. */
        double[] toArray() {
            double[] all = new double[size];
            for (int b = 0, at = 0; at < size; b++, at += BLOCK) {
                System.arraycopy(blocks[b], 0, all, at, Math.min(BLOCK, size - at));
                blocks[b] = null;
            }
            return all;
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

package io.wakestream.common.model;

import java.math.BigInteger;
import java.util.Comparator;

/** Orders version strings the way people read them: 0.2 < 0.10 < 1.0 < 1.0.1. */
public final class ModelVersions {

    /**
     * Compares dot-, dash- or plus-separated parts from the left: numerically where both parts are
     * numbers, otherwise as text, numbers before text; a version that is a prefix of another is older.
     */
    public static final Comparator<String> ORDER = ModelVersions::compare;

    private ModelVersions() {
    }

    private static int compare(String left, String right) {
        String[] leftParts = left.split("[.+-]");
        String[] rightParts = right.split("[.+-]");
        for (int i = 0; i < Math.min(leftParts.length, rightParts.length); i++) {
            int order = comparePart(leftParts[i], rightParts[i]);
            if (order != 0) {
                return order;
            }
        }
        int order = Integer.compare(leftParts.length, rightParts.length);
        return order != 0 ? order : left.compareTo(right);
    }

    private static int comparePart(String left, String right) {
        boolean leftNumber = isNumber(left);
        boolean rightNumber = isNumber(right);
        if (leftNumber && rightNumber) {
            return new BigInteger(left).compareTo(new BigInteger(right));
        }
        if (leftNumber != rightNumber) {
            return leftNumber ? -1 : 1;
        }
        return left.compareTo(right);
    }

    private static boolean isNumber(String part) {
        return !part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}

package dev.vpnd.core.service;

import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/** IPv4 addresses and CIDR blocks, parsed strictly: four decimal octets, a prefix of 0 to 32. */
public final class Cidrs {
    private Cidrs() {
    }

    /** Splits a comma-separated list and checks each block; {@code field} names the parameter in errors. */
    public static List<String> parseList(Field field, String commaSeparated) {
        var out = new ArrayList<String>();
        for (String part : commaSeparated.split(",", -1)) {
            String block = part.strip();
            if (!isCidr(block)) {
                throw new ProblemException(new Problem.InvalidValue(field, commaSeparated,
                        "not a list of CIDR blocks"));
            }
            out.add(block);
        }
        return out;
    }

    public static boolean isCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String prefix = text.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 2 || !prefix.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Integer.parseInt(prefix) <= 32 && isIpv4(text.substring(0, slash));
    }

    public static boolean isIpv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)) {
                return false;
            }
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}

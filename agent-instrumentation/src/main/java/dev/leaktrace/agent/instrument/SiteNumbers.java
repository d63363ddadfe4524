package dev.leaktrace.agent.instrument;

import dev.leaktrace.bootstrap.Sites;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One number per distinct site text and class, so classes loaded twice (two loaders) share their
 * sites; the class is part of a site because library rules name classes.
 */
final class SiteNumbers {
    private final ConcurrentHashMap<String, Integer> numbers = new ConcurrentHashMap<>();

    /** @param library whether the class is library code by the JDK's and the top-level rules */
    int numberOf(String site, String className, boolean library) {
        return numberOf(site, className, library, null, false);
    }

    /**
     * The number of a marked call's site, which also knows the class called into.
     *
     * @param callee        the binary name of the called method's class; null for a {@code new}
     * @param calleeLibrary whether that class is library code by the JDK's and the top-level rules
     */
    int numberOf(String site, String className, boolean library, String callee, boolean calleeLibrary) {
        String key = callee == null ? site + ' ' + className : site + ' ' + className + ' ' + callee;
        Integer number = numbers.get(key);
        if (number == null) {
            number = Sites.register(site, className, library, callee, calleeLibrary);
            Integer earlier = numbers.putIfAbsent(key, number);
            number = earlier != null ? earlier : number;
        }
        return number;
    }
}

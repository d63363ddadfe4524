package dev.leaktrace.agent.instrument;

import dev.leaktrace.bootstrap.Sites;
import java.util.concurrent.ConcurrentHashMap;

/** One number per distinct site text, so classes loaded twice (two loaders) share their sites. */
final class SiteNumbers {
    private final ConcurrentHashMap<String, Integer> numbers = new ConcurrentHashMap<>();

    int numberOf(String site) {
        Integer number = numbers.get(site);
        if (number == null) {
            number = Sites.register(site);
            Integer earlier = numbers.putIfAbsent(site, number);
            number = earlier != null ? earlier : number;
        }
        return number;
    }
}

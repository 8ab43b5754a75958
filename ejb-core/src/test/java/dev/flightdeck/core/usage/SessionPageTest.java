package dev.flightdeck.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SessionPageTest {
    static SessionPage.Ranked r(String id, long lastAt) {
        return new SessionPage.Ranked(new UsageTally.GroupRow("claude", null, id, null, 1, 1, 0, 0, 0, 0, 0, null),
                lastAt);
    }

    static List<String> ids(List<SessionPage.Ranked> rows) {
        return rows.stream().map(x -> x.row().sessionId()).toList();
    }

    /** What the database would give for the window: the totals rows in order, from windowStart on. */
    static List<SessionPage.Ranked> window(List<SessionPage.Ranked> inside, int offset, int limit, int straddlers) {
        List<SessionPage.Ranked> sorted = new ArrayList<>(inside);
        sorted.sort(SessionPage.ORDER);
        int start = SessionPage.windowStart(offset, straddlers);
        int end = Math.min(sorted.size(), start + SessionPage.windowLength(offset, limit, straddlers));
        return start >= sorted.size() ? List.of() : sorted.subList(start, end);
    }

    @Test
    void straddlersAreMergedIntoTheTotalsByLastUse() {
        List<SessionPage.Ranked> inside = List.of(r("a", 50), r("b", 40), r("c", 30), r("d", 20));
        List<SessionPage.Ranked> straddlers = List.of(r("x", 10), r("y", 45));
        assertThat(ids(SessionPage.page(0, 3, 0, window(inside, 0, 3, 2), straddlers))).containsExactly("a", "y", "b");
        int start = SessionPage.windowStart(3, 2);
        assertThat(start).isEqualTo(1);
        assertThat(ids(SessionPage.page(3, 3, start, window(inside, 3, 3, 2), straddlers)))
                .containsExactly("c", "d", "x");
        assertThat(SessionPage.page(6, 3, SessionPage.windowStart(6, 2), window(inside, 6, 3, 2), straddlers)).isEmpty();
    }

    @Test
    void tiesOnLastUseGoBySessionId() {
        List<SessionPage.Ranked> inside = List.of(r("b", 10), r("d", 10));
        assertThat(ids(SessionPage.page(0, 10, 0, window(inside, 0, 10, 2), List.of(r("c", 10), r("a", 10)))))
                .containsExactly("a", "b", "c", "d");
    }

    @Test
    void everyPageEqualsTheSameSliceOfAllSessionsSorted() {
        Random random = new Random(13);
        for (int round = 0; round < 200; round++) {
            List<SessionPage.Ranked> inside = new ArrayList<>();
            List<SessionPage.Ranked> straddlers = new ArrayList<>();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                SessionPage.Ranked s = r("s" + i, random.nextInt(30));
                (random.nextInt(4) == 0 ? straddlers : inside).add(s);
            }
            List<SessionPage.Ranked> all = new ArrayList<>(inside);
            all.addAll(straddlers);
            all.sort(SessionPage.ORDER);
            for (int limit = 1; limit <= 7; limit += 3) {
                for (int offset = 0; offset <= n + 1; offset++) {
                    int start = SessionPage.windowStart(offset, straddlers.size());
                    List<SessionPage.Ranked> page = SessionPage.page(offset, limit, start,
                            window(inside, offset, limit, straddlers.size()), straddlers);
                    List<SessionPage.Ranked> expected = offset >= all.size() ? List.of()
                            : all.subList(offset, Math.min(all.size(), offset + limit));
                    assertThat(ids(page)).as("round %d offset %d limit %d", round, offset, limit)
                            .isEqualTo(ids(expected));
                }
            }
        }
    }
}

package arq.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.mission.tracker.GraphQlClient;
import dev.flightdeck.core.mission.tracker.RestGraphQl;
import dev.flightdeck.core.mission.tracker.TrackerException;
import dev.flightdeck.core.mission.tracker.TrackerIssue;
import dev.flightdeck.core.mission.tracker.TrackerKind;
import dev.flightdeck.core.mission.tracker.TrackerScope;
import dev.flightdeck.core.mission.tracker.linear.LinearTracker;
import it.flightdeck.stub.StubGraphQlServer;
import it.flightdeck.stub.StubLinear;
import java.io.File;
import java.time.Clock;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container: the tracker transport is the server's own MicroProfile Rest Client, talking to
 * the stub Linear (started here, inside the server's JVM) with the raw key, timeouts and error mapping.
 */
@ExtendWith(ArquillianExtension.class)
class TrackerTransportIT {
    static final String KEY = "lin_api_arq_key";

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.ear(TrackerTransportIT.class, ArquillianRunnerAuth.class,
                StubGraphQlServer.class, StubLinear.class);
        WebArchive war = ear.getAsType(WebArchive.class, "web-api.war");
        war.addAsResource("it/flightdeck/stub/linear.graphqls");
        for (Class<?> c : new Class<?>[]{graphql.GraphQL.class, org.dataloader.DataLoader.class,
                org.reactivestreams.Publisher.class, org.jspecify.annotations.Nullable.class}) {
            war.addAsLibrary(jarOf(c));
        }
        return ear;
    }

    static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theRestClientTransportReadsFromTheStubAndMapsItsFaults() throws Exception {
        try (StubLinear stub = new StubLinear(KEY);
             RestGraphQl transport = new RestGraphQl(stub.uri(), "Flightdeck", 5_000, 10_000)) {
            stub.team("ENG");
            stub.label("agent", null);
            String a = stub.issue("ENG", "Through the rest client", "Todo", 3, List.of("agent"), null);
            LinearTracker tracker = new LinearTracker(new GraphQlClient(TrackerKind.LINEAR, transport, KEY, Clock.systemUTC()));
            TrackerScope scope = new TrackerScope(List.of("agent"), List.of("Todo"), null, "ENG");

            assertThat(tracker.candidates(scope)).extracting(TrackerIssue::identifier, TrackerIssue::priority)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(a, 3));
            tracker.moveToState(stub.idOf(a), "In Progress");
            assertThat(stub.stateOf(a)).isEqualTo("In Progress");

            stub.failNext(1, StubGraphQlServer.Fault.RATE_LIMITED);
            assertThatThrownBy(() -> tracker.candidates(scope)).isInstanceOfSatisfying(TrackerException.class,
                    e -> assertThat(e.category()).isEqualTo("tracker_rate_limited"));
            stub.failNext(1, StubGraphQlServer.Fault.HTTP_500);
            assertThatThrownBy(() -> tracker.candidates(scope)).isInstanceOfSatisfying(TrackerException.class, e -> {
                assertThat(e.category()).isEqualTo("tracker_status");
                assertThat(e.retryable()).isTrue();
            });
            stub.slowness(15_000);
            stub.failNext(1, StubGraphQlServer.Fault.SLOW);
            assertThatThrownBy(() -> tracker.candidates(scope)).isInstanceOfSatisfying(TrackerException.class, e -> {
                assertThat(e.category()).isEqualTo("tracker_request");
                assertThat(e.getMessage()).doesNotContain(KEY);
            });
            assertThat(stub.invalidDocuments()).isEmpty();
        }
    }
}

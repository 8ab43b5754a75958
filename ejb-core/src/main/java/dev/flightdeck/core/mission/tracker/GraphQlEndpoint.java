package dev.flightdeck.core.mission.tracker;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The MicroProfile Rest Client view of a GraphQL endpoint: the base URI is the endpoint itself. */
public interface GraphQlEndpoint extends AutoCloseable {
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response execute(@HeaderParam("Authorization") String authorization, @HeaderParam("User-Agent") String userAgent,
            String request);
}

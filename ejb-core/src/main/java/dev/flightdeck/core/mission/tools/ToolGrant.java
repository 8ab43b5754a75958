package dev.flightdeck.core.mission.tools;

/**
 * What an agent of a mission run is given to reach Flightdeck's mission tools: the MCP endpoint and a
 * bearer token bound to that run alone.
 */
public record ToolGrant(String url, String token) {
    @Override
    public String toString() {
        return "ToolGrant[url=" + url + ", token=<hidden>]";
    }
}

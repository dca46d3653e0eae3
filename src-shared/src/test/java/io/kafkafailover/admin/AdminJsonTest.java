package io.kafkafailover.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON field names are a contract with scripts written for Conduktor Gateway and with the operator. */
class AdminJsonTest {

    final ObjectMapper json = AdminJson.mapper();

    JsonNode tree(Object value) throws Exception {
        return json.readTree(json.writeValueAsString(value));
    }

    @Test
    void switchResult() throws Exception {
        SwitchResult result = SwitchResult.switched("main", "failover", "main", Instant.parse("2025-01-02T03:04:05Z"), 7);

        assertThat(tree(result)).isEqualTo(json.readTree("""
                {"message": "Cluster switched", "pcluster": "main", "active": "failover", "previous": "main",
                 "switchedAt": "2025-01-02T03:04:05Z", "connectionsClosed": 7}"""));
        assertThat(json.readValue(json.writeValueAsString(result), SwitchResult.class)).isEqualTo(result);
    }

    @Test
    void pclustersViewWithNestedViews() throws Exception {
        PClustersView view = new PClustersView(List.of(new PClusterView("main", "main", null, List.of(
                new ClusterView("main", List.of(), "primary:9092", true),
                new ClusterView("failover", List.of("failover"), "secondary:9092", false)))));

        assertThat(tree(view)).isEqualTo(json.readTree("""
                {"pclusters": [{"name": "main", "active": "main", "switchedAt": null, "clusters": [
                  {"name": "main", "roles": [], "bootstrapServers": "primary:9092", "active": true},
                  {"name": "failover", "roles": ["failover"], "bootstrapServers": "secondary:9092", "active": false}]}]}"""));
        assertThat(json.readValue(json.writeValueAsString(view), PClustersView.class)).isEqualTo(view);
    }

    @Test
    void apiError() throws Exception {
        assertThat(tree(ApiError.preflightFailed("cannot reach failover"))).isEqualTo(json.readTree("""
                {"error": "preflight_failed", "message": "cannot reach failover"}"""));
        assertThat(ApiError.notFound("x").error()).isEqualTo("not_found");
        assertThat(ApiError.badRequest("x").error()).isEqualTo("bad_request");
        assertThat(ApiError.unauthorized("x").error()).isEqualTo("unauthorized");
    }

    @Test
    void readsAnswersWithFieldsItDoesNotKnowAndMissingLists() throws Exception {
        PClusterView view = json.readValue("""
                {"name": "main", "active": "failover", "switchedAt": "2025-01-02T03:04:05Z", "addedLater": 1}""",
                PClusterView.class);

        assertThat(view).isEqualTo(new PClusterView("main", "failover", "2025-01-02T03:04:05Z", List.of()));
    }

    @Test
    void pathsAreTheDocumentedOnes() {
        assertThat(AdminApiPaths.switchTo("main", "failover", false))
                .isEqualTo("/admin/pclusters/v1/pcluster/main/switch?to=failover");
        assertThat(AdminApiPaths.switchTo("main", "dr west", true))
                .isEqualTo("/admin/pclusters/v1/pcluster/main/switch?to=dr%20west&force=true");
        assertThat(AdminApiPaths.pcluster("main")).isEqualTo("/admin/pclusters/v1/pcluster/main");
    }
}

package floor;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.Micronaut;
import java.util.Map;

/**
 * Micronaut's HTTP server with Warroom's web stack (Netty, Jackson, YAML configuration, Logback)
 * and nothing else: one {@code GET /health}. Its start to healthy is the floor under Warroom's.
 */
@Controller("/health")
public class Floor {

  public static void main(String[] args) {
    Micronaut.run(Floor.class, args);
  }

  @Get
  Map<String, String> health() {
    return Map.of("status", "UP");
  }
}

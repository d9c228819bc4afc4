package dev.flotilla.reference.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.flotilla.reference.ReferenceData;
import dev.flotilla.reference.ReferenceDataAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceDataAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReferenceDataAutoConfiguration.class));

    @TempDir
    Path directory;

    @Test
    void opensTheBundledFileByDefaultAndReportsItInInfo() {
        runner.run(context -> {
            ReferenceData data = context.getBean(ReferenceData.class);
            assertThat(data.country("NL")).isPresent();

            Info.Builder info = new Info.Builder();
            context.getBean(InfoContributor.class).contribute(info);
            assertThat(info.build().getDetails()).containsEntry("referenceData", data.info());
        });
    }

    @Test
    void opensTheFileAtTheConfiguredPath() throws Exception {
        Path file = directory.resolve("reference.db");
        try (var bundled = ReferenceData.class.getResourceAsStream("reference.db")) {
            Files.copy(bundled, file);
        }
        runner.withPropertyValues("flotilla.reference-data.path=" + file, "flotilla.reference-data.connections=1")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ReferenceData data = context.getBean(ReferenceData.class);
                    assertThat(data.country("NL")).isPresent();
                    // Opened in place: no temporary copy of the bundled file was made.
                    assertThat(ReferenceDataAccess.extractedFile(data)).isEmpty();
                });
        assertThat(file).exists();
    }

    @Test
    void aNegativeConnectionCountFailsStartup() {
        runner.withPropertyValues("flotilla.reference-data.connections=-1").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("flotilla.reference-data.connections"));
    }

    @Test
    void aMissingConfiguredFileFailsStartupWithThePath() {
        runner.withPropertyValues("flotilla.reference-data.path=/nonexistent/reference.db").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("/nonexistent/reference.db"));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwn() {
        runner.withBean(ReferenceData.class, ReferenceData::openBundled).run(context ->
                assertThat(context).hasSingleBean(ReferenceData.class));
    }

}

package dev.flotilla.image.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTests {

    @Test
    void pathsControlAndMarkupCharactersAreRemoved() {
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("C:\\Users\\eve\\photo.jpg")).isEqualTo("photo.jpg");
        assertThat(FileNames.sanitise("<img src=x onerror=alert(1)>.png")).isEqualTo("_img src_x onerror_alert(1)_.png");
        assertThat(FileNames.sanitise("a\u0000b\u202Egpj.exe")).isEqualTo("a_b_gpj.exe");
        assertThat(FileNames.sanitise("'; DROP TABLE images; --.jpg")).isEqualTo("__ DROP TABLE images_ --.jpg");
    }

    @Test
    void namesAreNormalisedBoundedAndNeverEmpty() {
        assertThat(FileNames.sanitise("Cafe\u0301 au lait.jpg")).isEqualTo("Café au lait.jpg");
        assertThat(FileNames.sanitise("x".repeat(500))).hasSize(FileNames.MAX_LENGTH);
        assertThat(FileNames.sanitise(null)).isEqualTo("image");
        assertThat(FileNames.sanitise("   ")).isEqualTo("image");
        assertThat(FileNames.sanitise("..")).isEqualTo("image");
        assertThat(FileNames.sanitise("dir/")).isEqualTo("image");
    }
}

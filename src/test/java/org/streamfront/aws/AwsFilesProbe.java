package org.streamfront.aws;

/** Run in its own process by AwsConfigLocationsTest, with another OS name and environment: where the files are. */
public final class AwsFilesProbe {
    private AwsFilesProbe() {
    }

    public static void main(String[] args) {
        System.out.println(AwsConfigFiles.configFile());
        System.out.println(AwsConfigFiles.credentialsFile());
        System.out.println(AwsConfigFiles.ssoCacheDir());
    }
}

namespace EdgeIngest.Enrollment;

/// <summary>What <see cref="EnrollmentApplier"/> did: the configuration file, each file it wrote, and a line per setting for the technician.</summary>
public sealed record AppliedEnrollment(string ConfigFile, IReadOnlyList<string> FilesWritten, IReadOnlyList<string> Report);

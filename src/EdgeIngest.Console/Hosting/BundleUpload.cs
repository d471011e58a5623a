using EdgeIngest.Configuration;
using EdgeIngest.Enrollment;
using Microsoft.AspNetCore.Http;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>
/// An enrollment bundle uploaded on the Device page, judged by the same code as <c>enroll apply</c>
/// (<see cref="EnrollmentBundleJson"/>, <see cref="EnrollmentValidator"/>) and, only if it passes,
/// applied to the running configuration's file with <see cref="EnrollmentApplier"/>. Anything else
/// is refused with the validator's words and nothing is written. The running broker link is left
/// alone: the new identity is in force after the service restarts.
/// </summary>
internal static class BundleUpload
{
    /// <summary>Throws <see cref="EnrollmentException"/> (nothing written) or <see cref="IOException"/> and the like (a file could not be written).</summary>
    public static async Task<(CheckedEnrollment Checked, AppliedEnrollment Applied)> ApplyAsync(IFormFile? file, EdgeIngestConfig config, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var source = file is null ? "the upload" : $"the uploaded file '{Path.GetFileName(file.FileName)}'";
        if (file is null || file.Length == 0)
        {
            throw new EnrollmentException(source, ["empty — choose the enrollment bundle file (edgeingest enroll create wrote it) and upload again"]);
        }

        if (file.Length > ConsoleLimits.MaxUploadBytes)
        {
            throw new EnrollmentException(source, [$"{file.Length} bytes — not an enrollment bundle (at most {ConsoleLimits.MaxUploadBytes / 1024} KB)"]);
        }

        var configFile = config.SourceFile
            ?? throw new EnrollmentException(source, ["this service's configuration did not come from a file, so there is nothing to enroll into"]);
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        }

        var bundle = EnrollmentBundleJson.Read(bytes, source);
        var checkedBundle = EnrollmentValidator.Check(bundle, now, source);
        // One rewrite of the configuration at a time (the Cameras page writes it too).
        lock (ConfigFileWrites.Gate)
        {
            return (checkedBundle, EnrollmentApplier.Apply(checkedBundle, configFile));
        }
    }
}

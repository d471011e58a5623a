using System.Runtime.InteropServices;
using EdgeIngest.Configuration;
using EdgeIngest.Installation;
using EdgeIngest.Interop.Onnx;
using EdgeIngest.Publishing;
using EdgeIngest.Reads;

namespace EdgeIngest.WebConsole.Views;

/// <summary>What software this box runs: EdgeIngest, .NET, ONNX Runtime, ffmpeg, and the model files the recogniser loaded.</summary>
internal sealed record VersionsView(string EdgeIngest, string DotNet, string OnnxRuntime, string Ffmpeg, IReadOnlyList<ModelFile> Models)
{
    public static async Task<VersionsView> OfAsync(RecognitionConfig recognition) => new(
        AgencyConnection.DeviceVersion,
        RuntimeInformation.FrameworkDescription,
        OnnxRuntimeVersion(),
        await FfmpegVersion.GetAsync().ConfigureAwait(false),
        ModelsInUse(recognition));

    private static string OnnxRuntimeVersion()
    {
        try
        {
            return InferenceSessions.RuntimeVersion;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            return $"not loaded ({e.Message})";
        }
    }

    /// <summary>The files the appliance's recogniser options name for this configuration's finder and reader.</summary>
    private static List<ModelFile> ModelsInUse(RecognitionConfig recognition)
    {
        var folder = recognition.ModelsDirectory ?? InstallLayout.ModelsDirectory;
        // The text detector is loaded either way: it finds text, or refines each plate to its character band.
        var files = recognition.Finder == "plate"
            ? new List<(string Name, string Role)> { (PlateRecognizerOptions.PlateDetectorModelFile, "finds plates"), (PlateRecognizerOptions.DetectorModelFile, "finds each plate's characters (PP-OCRv4)") }
            : [(PlateRecognizerOptions.DetectorModelFile, "finds text (PP-OCRv4)")];
        files.AddRange(recognition.Reader == "plate"
            ? [(PlateRecognizerOptions.PlateRecognizerModelFile, "reads plates"), (PlateRecognizerOptions.PlateKeysFile, "the reader's characters")]
            : [(PlateRecognizerOptions.RecognizerModelFile, "reads text (PP-OCRv4)"), (PlateRecognizerOptions.KeysFile, "the reader's characters")]);
        return [.. files.Select(f =>
        {
            var path = Path.Combine(folder, f.Name);
            var info = new FileInfo(path);
            return new ModelFile(path, f.Role, info.Exists ? info.Length : null);
        })];
    }
}

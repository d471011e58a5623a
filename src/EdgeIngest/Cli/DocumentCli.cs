using System.CommandLine;
using EdgeIngest.Configuration;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Receiving.Configuration;
using EdgeIngest.Receiving.Documents;
using EdgeIngest.Signing;

namespace EdgeIngest.Cli;

/// <summary>What <c>hotlist</c> and <c>agreement</c> share: loading the agency key, writing a signed file, publishing one.</summary>
internal static class DocumentCli
{
    public static AgencySigningKey LoadKey(string path) => AgencySigningKey.Load(path);

    public static void WriteSigned(string path, SignedDocument document)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(path, document.ToJson());
    }

    /// <summary><c>{kind} publish --config RECEIVER.yaml --device ID|--all FILE</c>.</summary>
    public static Command PublishCommand(string kind, string[] types)
    {
        var config = new Option<FileInfo>("--config") { Description = "The receiver's configuration (YAML): broker, TLS identity, topic_prefix", Required = true };
        var device = new Option<string?>("--device") { Description = "The device to send it to" };
        var all = new Option<bool>("--all") { Description = "Every device the receiver has heard from (devices/ in its output folder)" };
        var file = new Argument<FileInfo>("FILE") { Description = $"The signed {kind} (edgeingest {kind} sign)" };
        var command = new Command("publish", $"Publish a signed {kind} to a device's retained {kind} topic (QoS 1) with the receiver's identity") { config, device, all, file };
        command.SetAction(async (result, cancellationToken) =>
        {
            var name = $"{kind} publish";
            var deviceId = result.GetValue(device);
            var everyDevice = result.GetValue(all);
            if ((deviceId is null) == !everyDevice)
            {
                return await CliExit.FailAsync(name, CliExit.Usage, "give either --device ID or --all").ConfigureAwait(false);
            }

            if (deviceId is not null && !SignedDocumentPublisher.IsDeviceId(deviceId))
            {
                return await CliExit.FailAsync(name, CliExit.Usage, $"--device '{deviceId}' is not a device id (1–64 letters, digits, '-' or '_')").ConfigureAwait(false);
            }

            ReceiverConfig receiver;
            byte[] envelope;
            var path = result.GetValue(file)!.FullName;
            try
            {
                receiver = ReceiverConfigLoader.Load(result.GetValue(config)!.FullName);
                envelope = File.ReadAllBytes(path);
                var document = SignedDocument.Parse(envelope, path);
                if (!types.Contains(document.Type))
                {
                    return await CliExit.FailAsync(name, CliExit.BadInput, $"{path}: a signed {document.Type}, not a {string.Join(" or ", types)}").ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is ConfigException or SignatureException or IOException or UnauthorizedAccessException)
            {
                return await CliExit.FailAsync(name, CliExit.BadInput, e.Message).ConfigureAwait(false);
            }

            var devices = deviceId is not null ? [deviceId] : SignedDocumentPublisher.KnownDevices(receiver);
            if (devices.Count == 0)
            {
                return await CliExit.FailAsync(name, CliExit.BadInput, $"--all: the receiver has heard from no device yet ({Path.Combine(receiver.OutputDirectory, "devices")} is empty); name one with --device").ConfigureAwait(false);
            }

            try
            {
                await SignedDocumentPublisher.PublishAsync(receiver, devices, kind, envelope, topic => Console.WriteLine($"published {path} to {topic} (retained)"), cancellationToken).ConfigureAwait(false);
            }
            catch (MqttException e)
            {
                return await CliExit.FailAsync(name, CliExit.PublishFailed, e.Message).ConfigureAwait(false);
            }

            return CliExit.Ok;
        });
        return command;
    }
}

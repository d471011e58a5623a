using System.Text.Json;
using EdgeIngest.Events;
using EdgeIngest.Footage;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Delivery;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Receiving;

namespace EdgeIngest.Tests.Footage;

/// <summary>
/// Approved footage through the deployed agency broker into the real receiver: status events,
/// manifest and parts as chunks become verified files under the case number, with the
/// chain-of-custody record; disorder, duplicates, a corrupted part and a restart do not change
/// what is stored.
/// </summary>
public sealed class ReceiverFootageTests(AgencyPki pki)
{
    private const string Case = "2026-004512";

    [Fact]
    public async Task A_Manifest_And_Its_Parts_Become_Verified_Files_A_Custody_Record_And_Footage_Lines()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var acks = await ListenForAcksAsync(device);
        var footage = new TestFootage("fr-0001", Case, ("gate", [40_000, 50_000, 7_000]), ("yard", [33_000]));
        var approved = footage.Status(FootageStates.Approved);

        await footage.SendStatusAsync(device, approved);
        await footage.SendManifestAsync(device);
        foreach (var (camera, part, index) in footage.AllChunks())
        {
            await footage.SendChunkAsync(device, camera, part, index);
        }

        await receiver.WaitUntilAsync(c => c.FootageDeliveries == 1 && c.FootageStatuses == 1);

        var folder = Path.Combine(receiver.Output, "footage", Case, "fr-0001");
        Assert.Equal(footage.Whole("gate"), File.ReadAllBytes(Path.Combine(folder, "gate.ts")));
        Assert.Equal(footage.Whole("yard"), File.ReadAllBytes(Path.Combine(folder, "yard.ts")));
        Assert.Equal(footage.Manifest(), File.ReadAllBytes(Path.Combine(folder, "manifest.json")));
        var status = Assert.Single(File.ReadAllLines(Path.Combine(folder, "status.jsonl")));
        Assert.Contains($"\"event_id\":\"{approved.EventId}\"", status, StringComparison.Ordinal);

        using var custody = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "custody.json")));
        var root = custody.RootElement;
        Assert.Equal("edgeingest.footage-custody/1", root.GetProperty("schema").GetString());
        Assert.Equal(("fr-0001", "dev-a", Case, "burglary", "Det. A. Ruiz #4411", "white van, rear door", "owner (console)"),
            (Text(root, "request_id"), Text(root, "device_id"), Text(root, "case_number"), Text(root, "reason_code"), Text(root, "officer"), Text(root, "note"), Text(root, "approved_by")));
        Assert.Equal(TestFootage.RequestedFrom, root.GetProperty("requested_from").GetDateTimeOffset());
        Assert.Equal(TestFootage.RequestedTo, root.GetProperty("requested_to").GetDateTimeOffset());
        Assert.Equal(TestFootage.RequestedFrom, root.GetProperty("approved_from").GetDateTimeOffset());
        Assert.Equal(TestFootage.ApprovedTo, root.GetProperty("approved_to").GetDateTimeOffset());
        Assert.Equal(TestFootage.ApprovedAt, root.GetProperty("approved_at").GetDateTimeOffset());
        Assert.Equal(412, root.GetProperty("approval_audit_position").GetProperty("sequence").GetInt64());
        Assert.Equal("9f2c0a", root.GetProperty("approval_audit_position").GetProperty("hash").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(footage.Manifest())), Text(root, "manifest_sha256"));
        var files = root.GetProperty("files").EnumerateArray().ToDictionary(f => Text(f, "camera_id"));
        Assert.Equal(["gate", "yard"], files.Keys.Order());
        var manifest = footage.ManifestEvent();
        foreach (var camera in manifest.Cameras)
        {
            var file = files[camera.CameraId];
            Assert.Equal(($"{camera.CameraId}.ts", camera.Bytes, camera.Sha256), (Text(file, "file"), file.GetProperty("bytes").GetInt64(), Text(file, "sha256")));
            var parts = file.GetProperty("parts").EnumerateArray().ToList();
            Assert.Equal(camera.Parts.Select(p => p.Sha256), parts.Select(p => Text(p, "sha256")));
            Assert.All(parts, p => Assert.True(p.GetProperty("verified_at").GetDateTimeOffset() <= file.GetProperty("completed_at").GetDateTimeOffset()));
            Assert.True(file.GetProperty("completed_at").GetDateTimeOffset() <= root.GetProperty("delivered_at").GetDateTimeOffset());
        }

        var lines = receiver.PrintedLines;
        Assert.Contains(lines, l => l.StartsWith("FOOTAGE dev-a  request fr-0001  case 2026-004512  APPROVED 2026-12-06 14:00:00Z – 2026-12-06 14:20:00Z by owner (console)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("FOOTAGE dev-a  request fr-0001  case 2026-004512  RECEIVED 2 camera file(s), 130000 bytes, sha256 verified", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(receiver.Output, ".partial", "footage", "dev-a", "fr-0001")));

        // Everything is confirmed to the device under the keys its outbox holds.
        var expected = new[] { $"footage-status/{approved.EventId}", "footage/fr-0001/manifest", "footage/fr-0001/gate/2/chunks/0", "footage/fr-0001/yard/0/chunks/2" };
        await Eventually.HoldsAsync(() => expected.All(acks.Contains), TimeSpan.FromSeconds(20), () => $"acks so far: {string.Join(", ", acks)}");

        // A redelivery after the delivery is a duplicate: nothing printed, nothing rewritten.
        var custodyBefore = File.ReadAllBytes(Path.Combine(folder, "custody.json"));
        await footage.SendStatusAsync(device, approved);
        await footage.SendChunkAsync(device, "gate", 0, 0);
        await footage.SendManifestAsync(device);
        await Eventually.HoldsAsync(() => acks.Count(k => k == "footage/fr-0001/gate/0/chunks/0") == 2, TimeSpan.FromSeconds(20), receiver.Describe);
        Assert.Equal(1, receiver.Counters.FootageDeliveries);
        Assert.Equal(1, receiver.Counters.FootageStatuses);
        Assert.Equal(custodyBefore, File.ReadAllBytes(Path.Combine(folder, "custody.json")));
        Assert.Single(File.ReadAllLines(Path.Combine(folder, "status.jsonl")));
        Assert.Equal(2, receiver.PrintedLines.Length);
    }

    [Fact]
    public async Task Chunks_Out_Of_Order_Before_Their_Manifest_And_Twice_Make_The_Same_Files()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var footage = new TestFootage("fr-0002", Case, ("gate", [40_000, 20_000, 35_000]));
        var chunks = footage.AllChunks().ToList();
        var shuffled = chunks.OrderBy(_ => Random.Shared.Next()).ToList();

        foreach (var (camera, part, index) in shuffled.Take(4))
        {
            await footage.SendChunkAsync(device, camera, part, index);
            await footage.SendChunkAsync(device, camera, part, index);
        }

        await footage.SendManifestAsync(device);
        foreach (var (camera, part, index) in shuffled.Skip(4).Concat(shuffled.Take(2)))
        {
            await footage.SendChunkAsync(device, camera, part, index);
        }

        await footage.SendManifestAsync(device);
        await receiver.WaitUntilAsync(c => c.FootageDeliveries == 1);

        Assert.Equal(footage.Whole("gate"), File.ReadAllBytes(Path.Combine(receiver.Output, "footage", Case, "fr-0002", "gate.ts")));
        Assert.Equal(0, receiver.Counters.RejectedFootage);
        Assert.Equal(0, receiver.Counters.RejectedMessages);
        Assert.Single(receiver.PrintedLines);
    }

    [Fact]
    public async Task A_Part_That_Fails_Its_Sha256_Is_Set_Aside_Left_Unconfirmed_And_A_Good_Resend_Completes_The_Footage()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var acks = await ListenForAcksAsync(device);
        var footage = new TestFootage("fr-0003", Case, ("gate", [40_000, 40_000]));
        var folder = Path.Combine(receiver.Output, "footage", Case, "fr-0003");

        await footage.SendManifestAsync(device);
        await footage.SendChunkAsync(device, "gate", 0, 0);
        await footage.SendChunkAsync(device, "gate", 0, 1);
        await footage.SendChunkAsync(device, "gate", 0, 2);
        var corrupted = footage.Chunk("gate", 1, 1);
        corrupted[100] ^= 0xFF; // same length, one byte flipped
        await footage.SendChunkAsync(device, "gate", 1, 0);
        await device.PublishAsync(footage.ChunkTopic("gate", 1, 1), corrupted);
        await footage.SendChunkAsync(device, "gate", 1, 2);
        await receiver.WaitUntilAsync(c => c.RejectedFootage == 1);

        var rejection = Assert.Single(receiver.Logs, l => l.EventId == 832);
        Assert.Contains($"camera 'gate' part 1: sha256", rejection.Message, StringComparison.Ordinal);
        Assert.Contains($"does not match the manifest's {footage.ManifestEvent().Cameras[0].Parts[1].Sha256}", rejection.Message, StringComparison.Ordinal);
        var rejected = Assert.Single(Directory.GetDirectories(Path.Combine(receiver.Output, "rejected", "footage", "dev-a", "fr-0003")));
        Assert.Contains("does not match", File.ReadAllText(Path.Combine(rejected, "reason.txt")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "gate.ts")));
        Assert.False(File.Exists(Path.Combine(folder, "custody.json")));

        // The chunk that completed the failing part is not confirmed, so the device never counts
        // the part as delivered. Confirmations go out in the order messages are stored: once a
        // later status event's is in, the chunk's would have been.
        var marker = footage.Status(FootageStates.Approved);
        await footage.SendStatusAsync(device, marker);
        await Eventually.HoldsAsync(() => acks.Contains($"footage-status/{marker.EventId}"), TimeSpan.FromSeconds(20), receiver.Describe);
        Assert.Contains("footage/fr-0003/gate/1/chunks/1", acks);
        Assert.DoesNotContain("footage/fr-0003/gate/1/chunks/2", acks);

        // The device sends the part again: stored afresh; the chunk that verifies it is confirmed,
        // and the others when they come again (as the device's outbox resends what is unconfirmed).
        for (var index = 0; index < 3; index++)
        {
            await footage.SendChunkAsync(device, "gate", 1, index);
        }

        await receiver.WaitUntilAsync(c => c.FootageDeliveries == 1);
        Assert.Equal(footage.Whole("gate"), File.ReadAllBytes(Path.Combine(folder, "gate.ts")));
        Assert.True(File.Exists(Path.Combine(folder, "custody.json")));
        await Eventually.HoldsAsync(() => acks.Contains("footage/fr-0003/gate/1/chunks/2"), TimeSpan.FromSeconds(20), receiver.Describe);
        await footage.SendChunkAsync(device, "gate", 1, 0);
        await Eventually.HoldsAsync(() => acks.Count(k => k == "footage/fr-0003/gate/1/chunks/0") == 2, TimeSpan.FromSeconds(20), receiver.Describe);
    }

    [Fact]
    public async Task Footage_Half_Delivered_When_The_Receiver_Is_Killed_Is_Completed_After_It_From_What_It_Kept()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        var output = Path.Combine(broker.Directory, "out");
        var config = AgencyDevice.WriteReceiverConfig(broker, pki, output);
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var footage = new TestFootage("fr-0004", Case, ("gate", [40_000, 40_000, 10_000]));
        var chunks = footage.AllChunks().ToList();
        var partial = Path.Combine(output, ".partial", "footage", "dev-a", "fr-0004", "gate");
        var receiver = CliProcess.Start(config, "receive");
        try
        {
            await receiver.WaitForAsync(lines => lines.Any(l => l.Contains("Connected to the agency broker", StringComparison.Ordinal)), TimeSpan.FromSeconds(60), "the receiver connected");
            await footage.SendManifestAsync(device);
            foreach (var (camera, part, index) in chunks.Take(5))
            {
                await footage.SendChunkAsync(device, camera, part, index);
            }

            // Part 0 (3 chunks) verified, 2 chunks of part 1 kept: then a SIGKILL.
            await Eventually.HoldsAsync(
                () => File.Exists(Path.Combine(partial, "part-00000.json")) && Directory.Exists(Path.Combine(partial, "1")) && Directory.GetFiles(Path.Combine(partial, "1"), "chunk-*").Length == 2,
                TimeSpan.FromSeconds(30), () => string.Join('\n', receiver.Lines.TakeLast(20)));
            await receiver.KillAsync();
            await receiver.DisposeAsync();

            // Only what the killed receiver never had is sent again: the rest must come from its disk.
            receiver = CliProcess.Start(config, "receive");
            await receiver.WaitForAsync(lines => lines.Any(l => l.Contains("Connected to the agency broker", StringComparison.Ordinal)), TimeSpan.FromSeconds(60), "the receiver connected again");
            foreach (var (camera, part, index) in chunks.Skip(5))
            {
                await footage.SendChunkAsync(device, camera, part, index);
            }

            var folder = Path.Combine(output, "footage", Case, "fr-0004");
            await receiver.WaitForAsync(lines => lines.Any(l => l.StartsWith("FOOTAGE dev-a  request fr-0004", StringComparison.Ordinal)), TimeSpan.FromSeconds(60), "the footage delivered");
            Assert.Equal(footage.Whole("gate"), File.ReadAllBytes(Path.Combine(folder, "gate.ts")));
            Assert.True(File.Exists(Path.Combine(folder, "custody.json")));
        }
        finally
        {
            await receiver.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("edgeingest/dev-a/footage/../manifest", "footage request id '..' in the topic")]
    [InlineData("edgeingest/dev-a/footage/./gate/0/chunks/0", "footage request id '.' in the topic")]
    [InlineData("edgeingest/dev-a/footage/fr-x/../0/chunks/0", "camera id '..' in the footage topic")]
    [InlineData("edgeingest/dev-a/footage/fr-x/ga.te/0/chunks/0", "camera id 'ga.te' in the footage topic")]
    [InlineData("edgeingest/dev-a/footage/fr-x/gate/01/chunks/0", "part '01' in the footage topic")]
    [InlineData("edgeingest/dev-a/footage/fr-x/gate/0/chunks/-1", "chunk '-1' in the footage topic")]
    [InlineData("edgeingest/dev-a/footage/fr-x/gate/0/manifest", "unknown footage topic")]
    public async Task Footage_Topics_Whose_Ids_Could_Name_Other_Folders_Are_Refused_And_Nothing_Is_Written(string topic, string reason)
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);

        await device.PublishAsync(topic, [1, 2, 3]);
        await receiver.WaitUntilAsync(c => c.RejectedMessages == 1);

        var rejected = Assert.Single(receiver.Logs, l => l.EventId == 810);
        Assert.Contains(reason, rejected.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(receiver.Output, ".partial", "footage")));
        Assert.False(Directory.Exists(Path.Combine(receiver.Output, "footage")));
    }

    [Fact]
    public async Task Bad_Manifests_And_Chunks_Are_Refused_With_The_Reason_And_Leave_Stored_Footage_Alone()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var acks = await ListenForAcksAsync(device);
        var footage = new TestFootage("fr-0005", "../../etc", ("gate", [40_000]));
        var manifest = footage.ManifestEvent();

        // A manifest under another request's topic; one whose parts do not add up; one whose approved window is wider than asked.
        await device.PublishAsync("edgeingest/dev-a/footage/fr-other/manifest", footage.Manifest());
        await device.PublishAsync(footage.ManifestTopic, Serialize(manifest with { Cameras = [manifest.Cameras[0] with { Bytes = 1 }] }));
        await device.PublishAsync(footage.ManifestTopic, Serialize(manifest with { ApprovedTo = TestFootage.RequestedTo.AddMinutes(1) }));
        await receiver.WaitUntilAsync(c => c.RejectedMessages == 3);

        // The good manifest, then a chunk of the wrong size, a part and a camera it does not list.
        await footage.SendManifestAsync(device);
        await device.PublishAsync(footage.ChunkTopic("gate", 0, 0), new byte[100]);
        await device.PublishAsync(footage.ChunkTopic("gate", 1, 0), new byte[100]);
        await device.PublishAsync(footage.ChunkTopic("yard", 0, 0), new byte[100]);
        await receiver.WaitUntilAsync(c => c.RejectedMessages == 6);
        foreach (var (camera, part, index) in footage.AllChunks())
        {
            await footage.SendChunkAsync(device, camera, part, index);
        }

        await receiver.WaitUntilAsync(c => c.FootageDeliveries == 1);

        var reasons = receiver.Logs.Where(l => l.EventId == 810).Select(l => l.Message).ToList();
        Assert.Contains(reasons, r => r.Contains("request_id 'fr-0005' in the manifest does not match request 'fr-other'", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("camera 'gate': 'bytes' is 1, but its parts add up to 40000", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("the approved window is not inside the requested one", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("chunk 0 of camera 'gate' part 0 has 100 bytes, the manifest says 16384", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("part 1 of camera 'gate' is beyond the manifest's 1 parts", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("camera 'yard' is not in the manifest of request 'fr-0005'", StringComparison.Ordinal));

        // What was refused is never confirmed: the device must not count it delivered.
        await Eventually.HoldsAsync(() => acks.Contains("footage/fr-0005/manifest") && acks.Contains("footage/fr-0005/gate/0/chunks/0"), TimeSpan.FromSeconds(20), () => $"acks so far: {string.Join(", ", acks)}");
        foreach (var refused in new[] { "footage/fr-other/manifest", "footage/fr-0005/gate/1/chunks/0", "footage/fr-0005/yard/0/chunks/0" })
        {
            Assert.DoesNotContain(refused, acks);
        }

        // The case number "../../etc" names a folder inside footage/, nothing outside the output folder.
        var folder = Path.Combine(receiver.Output, "footage", "_.._.._etc", "fr-0005");
        Assert.Equal(footage.Whole("gate"), File.ReadAllBytes(Path.Combine(folder, "gate.ts")));
        Assert.Equal(["_.._.._etc"], Directory.GetDirectories(Path.Combine(receiver.Output, "footage")).Select(Path.GetFileName));
        Assert.False(Directory.Exists(Path.Combine(broker.Directory, "etc")));
    }

    [Fact]
    public async Task Chunks_Kept_Before_The_Manifest_That_It_Does_Not_Account_For_Are_Deleted_When_It_Comes()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var footage = new TestFootage("fr-0006", Case, ("gate", [20_000]));

        await device.PublishAsync(footage.ChunkTopic("gate", 0, 1), new byte[10]); // the last chunk is 3,616 bytes
        await device.PublishAsync(footage.ChunkTopic("gate", 0, 2), new byte[10]); // the part has 2 chunks
        await device.PublishAsync(footage.ChunkTopic("yard", 0, 0), new byte[10]); // no such camera
        await footage.SendChunkAsync(device, "gate", 0, 0);
        await footage.SendManifestAsync(device);
        await receiver.WaitUntilAsync(c => c.RejectedFootage == 3);
        await footage.SendChunkAsync(device, "gate", 0, 1);
        await receiver.WaitUntilAsync(c => c.FootageDeliveries == 1);

        var reasons = receiver.Logs.Where(l => l.EventId == 832).Select(l => l.Message).ToList();
        Assert.Contains(reasons, r => r.Contains("chunk 1 of camera 'gate' part 0 has 10 bytes, the manifest says 3616 (arrived before the manifest; deleted)", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("chunk 2 of camera 'gate' part 0 is beyond the manifest's 2 chunks", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("camera 'yard' is not in the manifest", StringComparison.Ordinal));
        Assert.Equal(footage.Whole("gate"), File.ReadAllBytes(Path.Combine(receiver.Output, "footage", Case, "fr-0006", "gate.ts")));
    }

    [Fact]
    public async Task A_Second_Device_Delivering_Under_A_Request_Id_Another_Device_Holds_Is_Refused_Not_Mixed_In()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var deviceA = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        await using var deviceB = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceB);
        var fromA = new TestFootage("fr-same", Case, ("gate", [20_000]));
        var fromB = new TestFootage("fr-same", Case, ("gate", [30_000])) { Device = AgencyPki.DeviceB };

        await fromA.SendManifestAsync(deviceA);
        await receiver.WaitUntilAsync(_ => File.Exists(Path.Combine(receiver.Output, "footage", Case, "fr-same", "manifest.json")));
        await fromB.SendManifestAsync(deviceB);
        await receiver.WaitUntilAsync(c => c.RejectedMessages == 1);

        Assert.Contains(receiver.Logs, l => l.EventId == 810 && l.Message.Contains("already holds footage from device 'dev-a'", StringComparison.Ordinal));
        Assert.Equal(fromA.Manifest(), File.ReadAllBytes(Path.Combine(receiver.Output, "footage", Case, "fr-same", "manifest.json")));
    }

    private static byte[] Serialize(FootageManifestEvent manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, FootageJsonContext.Default.FootageManifestEvent);

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    /// <summary>Every key the receiver confirms to the device, in order.</summary>
    private static async Task<System.Collections.Concurrent.ConcurrentQueue<string>> ListenForAcksAsync(IMqttClient device)
    {
        var keys = new System.Collections.Concurrent.ConcurrentQueue<string>();
        device.MessageReceived += (_, message) =>
        {
            var ack = JsonSerializer.Deserialize(message.Payload, EventJsonContext.Default.AckEvent);
            foreach (var key in ack?.Messages ?? [])
            {
                keys.Enqueue(key);
            }
        };
        await device.SubscribeAsync($"edgeingest/{AgencyPki.DeviceA}/acks", 1, TestContext.Current.CancellationToken);
        return keys;
    }
}

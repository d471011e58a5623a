using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EdgeIngest.Audit;

namespace EdgeIngest.Tests.Audit;

/// <summary>The audit chain on disk: what an intact log looks like, and how each way of tampering with it is named.</summary>
public sealed class AuditChainTests
{
    [Fact]
    public void A_Chain_Written_Across_Restarts_Verifies_Intact_With_Its_Head_In_The_Anchor()
    {
        using var folder = new AuditFolder();
        folder.Write(3);
        string head;
        using (var log = folder.Open())
        {
            Assert.Equal(3, log.Count);
            log.Append(AuditKinds.Purge, [new(AuditFields.Reads, "2")]);
            head = log.Append(AuditKinds.ServiceStopped, []);
            Assert.Equal(head, log.Head);
        }

        var result = folder.Verify(new AuditHead(5, head));

        Assert.True(result.Intact, result.FirstBreak?.ToString());
        Assert.Equal(5, result.Records);
        Assert.Equal(new AuditHead(5, head), result.Head);
        Assert.Equal($"5:{head}", File.ReadAllText(folder.Paths.HeadFile).Trim());
        var first = JsonNode.Parse(folder.Lines()[0])!;
        Assert.Equal(new string('0', 64), (string?)first["prev"]);
        Assert.Equal(1, (long)first["seq"]!);
    }

    [Fact]
    public void Each_Hash_Is_The_Sha256_Of_The_Line_Without_Its_Hash()
    {
        using var folder = new AuditFolder();
        folder.Write(2);

        foreach (var line in folder.Lines())
        {
            var hash = (string)JsonNode.Parse(line)!["hash"]!;
            var withoutHash = line.Replace($",\"hash\":\"{hash}\"", "", StringComparison.Ordinal);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(withoutHash))), hash);
        }
    }

    [Fact]
    public void An_Edited_Record_Is_Named_By_Seq_And_Line()
    {
        using var folder = new AuditFolder();
        folder.Write(5);
        var lines = folder.Lines();
        lines[2] = lines[2].Replace("\"e3\"", "\"e9\"", StringComparison.Ordinal);
        folder.Rewrite(lines);

        var broken = folder.Verify().FirstBreak;

        Assert.NotNull(broken);
        Assert.Equal((3, 3), (broken.Seq, broken.Line));
        Assert.Contains("does not match its hash (edited?)", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Edited_Record_Given_A_New_Hash_Breaks_The_Link_From_The_Next()
    {
        using var folder = new AuditFolder();
        folder.Write(5);
        var lines = folder.Lines();
        var record = JsonNode.Parse(lines[1])!.AsObject();
        record["fields"]!["agency"] = "Someone Else";
        record.Remove("hash");
        var canonical = record.ToJsonString();
        record["hash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        lines[1] = record.ToJsonString();
        folder.Rewrite(lines);

        var broken = folder.Verify().FirstBreak;

        Assert.NotNull(broken);
        Assert.Equal((3, 3), (broken.Seq, broken.Line));
        Assert.Contains("does not match the hash of the record before (line 2)", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Reordered_Record_Is_Named_By_Seq_And_Line()
    {
        using var folder = new AuditFolder();
        folder.Write(5);
        var lines = folder.Lines();
        (lines[2], lines[3]) = (lines[3], lines[2]);
        folder.Rewrite(lines);

        var broken = folder.Verify().FirstBreak;

        Assert.NotNull(broken);
        Assert.Equal((3, 3), (broken.Seq, broken.Line));
        Assert.Contains("out of order: after record 2 this line holds record 4, and record 3 comes later, at line 4", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Deleted_Record_Is_Named_By_Seq_And_Line()
    {
        using var folder = new AuditFolder();
        folder.Write(5);
        var lines = folder.Lines();
        lines.RemoveAt(2);
        folder.Rewrite(lines);

        var broken = folder.Verify().FirstBreak;

        Assert.NotNull(broken);
        Assert.Equal((3, 3), (broken.Seq, broken.Line));
        Assert.Contains("record 3 is missing here: after record 2 this line holds record 4 (deleted?)", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Log_Cut_Short_Is_Found_By_Its_Anchor()
    {
        using var folder = new AuditFolder();
        folder.Write(5);
        folder.Rewrite(folder.Lines().Take(3));

        var broken = folder.Verify().FirstBreak;

        Assert.NotNull(broken);
        Assert.Equal((4, 0), (broken.Seq, broken.Line));
        Assert.Contains("the log ends at record 3, but its anchor audit/head says record 5 exists", broken.Problem, StringComparison.Ordinal);
        Assert.Contains("records 4–5 were cut from the end (truncated?)", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Log_Cut_Short_With_Its_Anchor_Rewritten_Is_Found_By_The_Agency_Checkpoint()
    {
        using var folder = new AuditFolder();
        folder.Write(5);
        var checkpoint = folder.Verify().Head;
        var kept = folder.Lines().Take(3).ToList();
        folder.Rewrite(kept);
        File.WriteAllText(folder.Paths.HeadFile, $"3:{(string)JsonNode.Parse(kept[2])!["hash"]!}\n");
        Assert.True(folder.Verify().Intact, "without a checkpoint the rewritten log looks whole: that is why the heartbeat carries the head");

        var broken = folder.Verify(checkpoint).FirstBreak;

        Assert.NotNull(broken);
        Assert.Equal(4, broken.Seq);
        Assert.Contains("the agency's checkpoint says record 5 exists", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Checkpoint_Whose_Record_Has_Another_Hash_Names_That_Record()
    {
        using var folder = new AuditFolder();
        folder.Write(4);
        var wrong = new AuditHead(2, new string('a', 64));

        var broken = folder.Verify(wrong).FirstBreak;

        Assert.NotNull(broken);
        Assert.Equal((2, 2), (broken.Seq, broken.Line));
        Assert.Contains("rewritten", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_A_Broken_Chain_Goes_On_Recording_And_Notes_The_Break_Once()
    {
        using var folder = new AuditFolder();
        folder.Write(4);
        var lines = folder.Lines();
        lines.RemoveAt(1);
        folder.Rewrite(lines);

        using (var log = folder.Open())
        {
            Assert.False(log.Intact);
            Assert.Equal(5, log.Count);
            log.Append(AuditKinds.ServiceStopped, []);
        }

        using (var reopened = folder.Open())
        {
            Assert.Equal(6, reopened.Count);
        }

        var result = folder.Verify();
        Assert.Equal((2, 2), (result.FirstBreak!.Seq, result.FirstBreak.Line));
        Assert.Single(folder.Lines(), l => l.Contains("\"chain_broken\"", StringComparison.Ordinal));
        Assert.Equal(6, result.Head.Seq);
        Assert.Contains(folder.Logs.Lines, l => l.EventId == 601 && l.Contains("record 2 (line 2)"));
    }

    [Fact]
    public void A_Line_Cut_Off_By_A_Crash_Is_Named_And_The_Next_Record_Starts_On_Its_Own_Line()
    {
        using var folder = new AuditFolder();
        folder.Write(2);
        File.AppendAllText(folder.Paths.LogFile, "{\"seq\":3,\"at\":\"2026-");

        using (var log = folder.Open())
        {
            log.Append(AuditKinds.ServiceStarted, []);
        }

        var result = folder.Verify();
        Assert.Equal((3, 3), (result.FirstBreak!.Seq, result.FirstBreak.Line));
        Assert.Contains("not a valid audit record", result.FirstBreak.Problem, StringComparison.Ordinal);
        Assert.Equal(4, result.Head.Seq);
        Assert.Equal(5, folder.Lines().Count);
    }

    [Fact]
    public void Appends_From_Many_Threads_Form_One_Intact_Chain()
    {
        using var folder = new AuditFolder();
        using (var log = folder.Open())
        {
            Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => log.Append(AuditKinds.Disclosure, [new(AuditFields.EventId, $"e{i}")]));
        }

        var result = folder.Verify();

        Assert.True(result.Intact, result.FirstBreak?.ToString());
        Assert.Equal(200, result.Records);
        Assert.Equal(200, folder.Lines().Select(l => (string)JsonNode.Parse(l)!["fields"]!["event_id"]!).Distinct().Count());
    }
}

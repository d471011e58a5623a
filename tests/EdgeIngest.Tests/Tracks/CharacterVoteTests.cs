using EdgeIngest.Tracks;

namespace EdgeIngest.Tests.Tracks;

public sealed class CharacterVoteTests
{
    [Fact]
    public void Noisy_Reads_Vote_The_Characters_Read_With_Most_Confidence_At_Each_Position()
    {
        var vote = Vote(("6MWF778", 0.9f), ("GMWF778", 0.7f), ("6MWF778", 0.8f), ("6MWF77B", 0.6f));

        Assert.Equal("6MWF778", Text(vote));
    }

    [Fact]
    public void One_Confident_Read_Outweighs_Two_Doubtful_Ones()
    {
        // Weighted by confidence, not counted: 0.95 for G beats 0.4 + 0.4 for 6.
        var vote = Vote(("6MWF778", 0.4f), ("GMWF778", 0.95f), ("6MWF778", 0.4f));

        Assert.Equal("GMWF778", Text(vote));
    }

    [Fact]
    public void The_Length_Read_With_Most_Confidence_Wins_And_Other_Lengths_Do_Not_Vote_On_Characters()
    {
        // The read missing a character is the most confident single read, but the 7-character
        // reads together weigh more; its shifted characters must not leak into positions 4–6.
        var vote = Vote(("7ABC123", 0.7f), ("7ABC23", 0.9f), ("7A8C123", 0.6f), ("7ABC123", 0.5f));

        Assert.Equal("7ABC123", Text(vote));
    }

    [Fact]
    public void A_Read_With_No_Confidence_Still_Votes_Only_Characters_It_Read()
    {
        var vote = Vote(("KXT4821", 0f));

        Assert.Equal("KXT4821", Text(vote));
        Assert.Equal(0f, vote.Confidence);
    }

    [Fact]
    public void Every_Voted_Character_Was_Read_At_Its_Position_In_Some_Read_Of_That_Length()
    {
        var random = new Random(7);
        const string Symbols = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (var trial = 0; trial < 500; trial++)
        {
            var vote = new CharacterVote();
            var reads = new List<string>();
            for (var r = random.Next(1, 8); r > 0; r--)
            {
                var text = new string(Enumerable.Range(0, random.Next(4, 9)).Select(_ => Symbols[random.Next(Symbols.Length)]).ToArray());
                reads.Add(text);
                vote.Add(text, (float)random.NextDouble());
            }

            var voted = Text(vote);
            for (var i = 0; i < voted.Length; i++)
            {
                Assert.Contains(reads, read => read.Length == voted.Length && read[i] == voted[i]);
            }
        }
    }

    [Fact]
    public void Confidence_Is_The_Mean_Share_Of_The_Winners_Times_The_Mean_Confidence_Of_Reads_Of_That_Length()
    {
        var agreed = Vote(("6MWF778", 0.9f), ("6MWF778", 0.7f));
        var split = Vote(("6MWF778", 0.9f), ("GMWF778", 0.7f), ("6MWF778", 0.8f), ("6MWF", 0.9f));

        Assert.Equal(0.8f, agreed.Confidence, 5);
        var shares = ((1.7f / 2.4f) + 6) / 7;
        Assert.Equal(shares * 0.8f, split.Confidence, 5);
    }

    [Fact]
    public void Reads_That_Cannot_Vote_Are_Recognised()
    {
        Assert.True(CharacterVote.CanVote("7ABC123"));
        Assert.False(CharacterVote.CanVote(""));
        Assert.False(CharacterVote.CanVote("7abc123"));
        Assert.False(CharacterVote.CanVote("7ABC-123"));
        Assert.False(CharacterVote.CanVote("ABCDEFGHJKLMN"));
    }

    [Fact]
    public void A_Cleared_Vote_Forgets_Every_Read()
    {
        var vote = Vote(("7ABC123", 0.9f));
        vote.Clear();
        vote.Add("KXT4821", 0.8f);

        Assert.Equal("KXT4821", Text(vote));
        Assert.Equal(0.8f, vote.Confidence, 5);
    }

    [Fact]
    public void Alternatives_Are_The_Closest_Runner_Up_Character_And_The_Runner_Up_Length()
    {
        // Among the 7-character reads, G has 0.7 at position 0 and B 0.6 at position 6: G is the
        // runner-up with most support. The 6-character read is the runner-up length.
        var vote = Vote(("6MWF778", 0.9f), ("GMWF778", 0.7f), ("6MWF778", 0.8f), ("6MWF77B", 0.6f), ("6MWF77", 0.5f));

        Assert.Equal(["GMWF778", "6MWF77"], vote.Alternatives());
    }

    [Fact]
    public void Reads_That_All_Agree_Have_No_Alternatives()
    {
        Assert.Null(Vote(("KXT4821", 0.9f), ("KXT4821", 0.7f)).Alternatives());
        Assert.Null(new CharacterVote().Alternatives());
    }

    private static CharacterVote Vote(params (string Text, float Confidence)[] reads)
    {
        var vote = new CharacterVote();
        foreach (var (text, confidence) in reads)
        {
            vote.Add(text, confidence);
        }

        return vote;
    }

    private static string Text(CharacterVote vote)
    {
        var buffer = new char[CharacterVote.MaxLength];
        return new string(buffer, 0, vote.Write(buffer));
    }
}

using EdgeIngest.Hosting;

namespace EdgeIngest.Tests.Install;

/// <summary>The service logs in journald's format only when its stdout really is the journal's stream.</summary>
public sealed class JournalStreamTests
{
    [Fact]
    public void Stdout_that_is_the_socket_systemd_named_is_the_journal() =>
        Assert.True(JournalStream.Matches("8:123456", "socket:[123456]"));

    [Fact]
    public void Stdout_redirected_elsewhere_with_the_variable_inherited_is_not_the_journal()
    {
        Assert.False(JournalStream.Matches("8:123456", "socket:[654321]"));
        Assert.False(JournalStream.Matches("8:123456", "pipe:[999]"));
        Assert.False(JournalStream.Matches("8:123456", "/dev/pts/0"));
    }

    [Fact]
    public void No_variable_or_a_malformed_one_is_not_the_journal()
    {
        Assert.False(JournalStream.Matches(null, "socket:[123456]"));
        Assert.False(JournalStream.Matches("123456", "socket:[123456]"));
        Assert.False(JournalStream.Matches("8:", "socket:[]"));
    }
}

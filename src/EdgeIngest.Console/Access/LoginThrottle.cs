namespace EdgeIngest.WebConsole.Access;

/// <summary>
/// Locks the login for <see cref="LockDuration"/> after <see cref="MaxFailures"/> wrong passwords
/// in a row (from anywhere: the console has one user). Held in memory only: a restart of the
/// service lifts a lockout, which the audit still shows.
/// </summary>
internal sealed class LoginThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(5);
    private readonly Lock _gate = new();
    private int _failures;
    private DateTimeOffset _lockedUntil = DateTimeOffset.MinValue;

    /// <summary>When the lock ends, or null when a password may be tried now.</summary>
    public DateTimeOffset? LockedUntil()
    {
        lock (_gate)
        {
            return time.GetUtcNow() < _lockedUntil ? _lockedUntil : null;
        }
    }

    /// <summary>Counts a wrong password; returns the failures in a row and, when this one locks the login, until when.</summary>
    public (int Failures, DateTimeOffset? LockedUntil) Failed()
    {
        lock (_gate)
        {
            _failures++;
            if (_failures < MaxFailures)
            {
                return (_failures, null);
            }

            var failures = _failures;
            _failures = 0;
            _lockedUntil = time.GetUtcNow() + LockDuration;
            return (failures, _lockedUntil);
        }
    }

    public void Succeeded()
    {
        lock (_gate)
        {
            _failures = 0;
        }
    }
}

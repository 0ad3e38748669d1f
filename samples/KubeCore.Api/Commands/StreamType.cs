using System.Text.Json;
using KubeCore.Api.Persistence;

namespace KubeCore.Api.Commands;

/// <summary>How a command is being applied.</summary>
public enum ApplyMode
{
    /// <summary>For the first time, in a request: every rule is checked and every effect happens.</summary>
    Live = 1,

    /// <summary>
    /// Again, to rebuild the state on load. Effects whose record is stored elsewhere are skipped: a ledger
    /// posting is not posted again (the ledger is rebuilt from its stored entries by <see cref="StreamType{TState}.AttachLedger"/>).
    /// </summary>
    Replay = 2,
}

/// <summary>
/// How one kind of aggregate is kept. The library's aggregates have private constructors and no persistence
/// seams, so nothing is rebuilt behind the library's back:
/// <list type="bullet">
/// <item>aggregates whose behaviour is deterministic (groups, meetings, pendamping, exercises) are rebuilt by
/// replaying their stored commands through the library's own behaviour methods, so every rule runs again;</item>
/// <item>a group's savings ledger, whose entries get fresh ids and hashes when posted, is rebuilt from its stored
/// entries with the library's <c>SavingsLedger.Rehydrate</c>, which verifies the hash chain (SAV-01).</item>
/// </list>
/// A stream type names each command type it stores, creates the state from the first command and applies
/// the rest; live execution and replay run the same <see cref="Apply"/>.
/// </summary>
/// <typeparam name="TState">The in-memory state: the library aggregate(s) of one stream.</typeparam>
public abstract class StreamType<TState>
    where TState : class
{
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _names = [];

    /// <summary>The stream type stored in <c>streams.type</c>, e.g. <c>group</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Creates the state from the stream's first command.</summary>
    /// <exception cref="KubeCore.Rules.RuleViolationException">The library refuses the command.</exception>
    public abstract TState Start(object command);

    /// <summary>
    /// Creates the state again from the stream's stored first command, on load. Rules that judge new input only
    /// (MEM-07 names) are not applied again, so a stream stored before them still loads. Default: <see cref="Start"/>.
    /// </summary>
    /// <exception cref="KubeCore.Rules.RuleViolationException">The library refuses the command.</exception>
    public virtual TState StartStored(object command) => Start(command);

    /// <summary>
    /// Called before a command is applied live, with the request's clock: e.g. a group takes the host's today in its
    /// own time zone (SAV-09) from it. Default: nothing.
    /// </summary>
    public virtual void BeforeLive(TState state, DateTimeOffset now)
    {
    }

    /// <summary>
    /// Applies a later command through the library and returns the command as it is to be stored: the same
    /// command, or (live) one completed with what the library decided, e.g. the id it gave a new loan.
    /// On a rule violation nothing is stored and the request's state is discarded.
    /// </summary>
    /// <exception cref="KubeCore.Rules.RuleViolationException">The library refuses the command.</exception>
    public abstract object Apply(TState state, object command, ApplyMode mode);

    /// <summary>A small JSON-serializable summary for listings (name, status).</summary>
    public virtual object Summary(TState state) => new { };

    /// <summary>The number of ledger entries the state holds (0 for streams without a ledger).</summary>
    public virtual int LedgerCount(TState state) => 0;

    /// <summary>Rows for the state's ledger entries from position <paramref name="from"/> (0-based) on.</summary>
    public virtual IEnumerable<LedgerEntryRow> LedgerRows(TState state, int from) => [];

    /// <summary>After a replay: rebuilds the state's ledger from its stored rows (in order).</summary>
    /// <exception cref="KubeCore.Rules.RuleViolationException">The stored chain does not verify (SAV-01).</exception>
    public virtual void AttachLedger(TState state, IReadOnlyList<LedgerEntryRow> rows)
    {
        if (rows.Count > 0)
        {
            throw new InvalidOperationException($"Stream type '{Name}' keeps no ledger, but {rows.Count} entries are stored for it.");
        }
    }

    /// <summary>The stored name of a command.</summary>
    /// <exception cref="ArgumentException">The command type is not registered.</exception>
    public string NameOf(object command) =>
        _names.TryGetValue(command.GetType(), out var name) ? name : throw new ArgumentException($"{command.GetType().Name} is not a command of stream '{Name}'.", nameof(command));

    /// <summary>Reads a stored command.</summary>
    /// <exception cref="InvalidOperationException">The stored type is unknown or its payload unreadable (a corrupt stream).</exception>
    public object Read(string type, string payload, JsonSerializerOptions options)
    {
        if (!_types.TryGetValue(type, out var clr))
        {
            throw new InvalidOperationException($"Stream '{Name}' has no command type '{type}'.");
        }
        return JsonSerializer.Deserialize(payload, clr, options) ?? throw new InvalidOperationException($"Command '{type}' has an empty payload.");
    }

    /// <summary>Registers a command type under its stored name (never rename a stored name).</summary>
    protected void Command<TCommand>(string name)
    {
        _types.Add(name, typeof(TCommand));
        _names.Add(typeof(TCommand), name);
    }
}

using System.Text.Json;
using NodaTime;

namespace KubeCore.Api.Commands;

/// <summary>
/// How one kind of aggregate is kept: as the list of commands that built it, replayed through the
/// library's own behaviour methods on every load (the aggregates have private constructors and no
/// persistence seams, so nothing is rebuilt behind the library's back, and every rule runs again).
/// A stream type names each command type it stores, creates the aggregate from the first command and
/// applies the rest. Live execution and replay run the same <see cref="Apply"/>.
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

    /// <summary>Applies a later command through the library; on a rule violation the state is unchanged.</summary>
    /// <exception cref="KubeCore.Rules.RuleViolationException">The library refuses the command.</exception>
    public abstract void Apply(TState state, object command);

    /// <summary>A small JSON-serializable summary for listings (name, status).</summary>
    public virtual object Summary(TState state) => new { };

    /// <summary>The state's ledger entries in order (empty for streams without a ledger).</summary>
    public virtual IReadOnlyList<LedgerRecord> Ledger(TState state) => [];

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

/// <summary>A ledger entry as the library produced it, ready to be stored insert-only.</summary>
/// <param name="EntryId">The entry's id.</param>
/// <param name="Kind">The entry kind.</param>
/// <param name="MemberId">The member concerned, if any.</param>
/// <param name="Amount">Whole rupiah.</param>
/// <param name="Date">The entry date.</param>
/// <param name="Reverses">The entry this one reverses, if any.</param>
/// <param name="Hash">The entry's hash.</param>
/// <param name="PreviousHash">The previous entry's hash.</param>
/// <param name="Payload">The full entry, serialized as JSON.</param>
public sealed record LedgerRecord(Guid EntryId, string Kind, Guid? MemberId, long Amount, LocalDate Date, Guid? Reverses, string Hash, string PreviousHash, object Payload);

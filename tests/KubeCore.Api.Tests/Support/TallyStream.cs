using System.Security.Cryptography;
using System.Text;
using KubeCore.Api.Commands;
using KubeCore.Groups;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Api.Tests.Support;

/// <summary>A test-only stream: a tally whose additions are ledger entries with a hash chain; zero or less is refused by a "rule".</summary>
public sealed class Tally
{
    public string Name { get; init; } = string.Empty;

    public List<LedgerRecord> Entries { get; } = [];

    public long Total => Entries.Sum(e => e.Amount);
}

public sealed record OpenTally(string Name);

public sealed record AddToTally(Guid EntryId, long Amount, LocalDate Date);

public sealed class TallyStream : StreamType<Tally>
{
    public static readonly TallyStream Instance = new();

    private TallyStream()
    {
        Command<OpenTally>("open");
        Command<AddToTally>("add");
    }

    public override string Name => "test-tally";

    public override Tally Start(object command) => new() { Name = ((OpenTally)command).Name };

    public override void Apply(Tally state, object command)
    {
        var add = (AddToTally)command;
        if (add.Amount <= 0)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Grp06, GroupErrors.NotActive, ("GroupId", state.Name), ("Status", "refusing")));
        }
        var previous = state.Entries.Count == 0 ? "genesis" : state.Entries[^1].Hash;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{previous}|{add.EntryId}|{add.Amount}")));
        state.Entries.Add(new LedgerRecord(add.EntryId, "add", null, add.Amount, add.Date, null, hash, previous, add));
    }

    public override object Summary(Tally state) => new { state.Name, state.Total };

    public override IReadOnlyList<LedgerRecord> Ledger(Tally state) => state.Entries;
}

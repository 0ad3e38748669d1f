using System.Linq.Expressions;

namespace KubeCore.Common;

/// <summary>
/// A named, composable predicate over <typeparamref name="T"/>, in the shape of Ardalis.Specification:
/// a subclass states its criteria in its constructor through <see cref="Query"/>
/// (<c>Query.Where(x =&gt; ...)</c>). Criteria are expressions, so <see cref="Evaluate(IQueryable{T})"/>
/// can be translated by a LINQ provider such as EF Core, while <see cref="IsSatisfiedBy"/> runs in memory.
/// </summary>
/// <typeparam name="T">The type the specification selects.</typeparam>
/// <remarks>Rule specifications are pure predicates and compose with <see cref="And"/>, <see cref="Or"/>
/// and <see cref="Not"/>. A specification with no criteria is satisfied by everything.</remarks>
public abstract class Specification<T>
{
    private readonly List<Expression<Func<T, bool>>> _criteria = [];
    private Func<T, bool>? _compiled;

    /// <summary>Creates an empty specification; the subclass constructor adds criteria through <see cref="Query"/>.</summary>
    protected Specification() => Query = new SpecificationBuilder(this);

    /// <summary>The builder a subclass uses in its constructor.</summary>
    protected SpecificationBuilder Query { get; }

    /// <summary>The criteria, all of which must hold.</summary>
    public IReadOnlyList<Expression<Func<T, bool>>> WhereExpressions => _criteria;

    /// <summary>The conjunction of all criteria as one expression.</summary>
    public Expression<Func<T, bool>> ToExpression()
    {
        if (_criteria.Count == 0)
        {
            return _ => true;
        }
        var parameter = Expression.Parameter(typeof(T), "x");
        Expression body = new ParameterRebinder(_criteria[0].Parameters[0], parameter).Visit(_criteria[0].Body);
        for (var i = 1; i < _criteria.Count; i++)
        {
            body = Expression.AndAlso(body, new ParameterRebinder(_criteria[i].Parameters[0], parameter).Visit(_criteria[i].Body));
        }
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    /// <summary>True when <paramref name="candidate"/> meets every criterion (compiled once, then cached).</summary>
    public bool IsSatisfiedBy(T candidate)
    {
        _compiled ??= ToExpression().Compile();
        return _compiled(candidate);
    }

    /// <summary>The elements of <paramref name="source"/> that satisfy the specification, in memory.</summary>
    public IEnumerable<T> Evaluate(IEnumerable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Where(IsSatisfiedBy);
    }

    /// <summary>The query filtered by the specification's expression, for translation by a LINQ provider.</summary>
    public IQueryable<T> Evaluate(IQueryable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Where(ToExpression());
    }

    /// <summary>A specification satisfied when both are.</summary>
    public Specification<T> And(Specification<T> other) => new Composite(this, Preconditions.CheckNotNull(other), Expression.AndAlso);

    /// <summary>A specification satisfied when either is.</summary>
    public Specification<T> Or(Specification<T> other) => new Composite(this, Preconditions.CheckNotNull(other), Expression.OrElse);

    /// <summary>A specification satisfied when this one is not.</summary>
    public Specification<T> Not() => new Negation(this);

    /// <summary>Adds criteria to a specification under construction.</summary>
    protected sealed class SpecificationBuilder
    {
        private readonly Specification<T> _owner;

        internal SpecificationBuilder(Specification<T> owner) => _owner = owner;

        /// <summary>Adds a criterion; every criterion must hold.</summary>
        public SpecificationBuilder Where(Expression<Func<T, bool>> criterion)
        {
            _owner._criteria.Add(Preconditions.CheckNotNull(criterion));
            _owner._compiled = null;
            return this;
        }
    }

    private sealed class Composite : Specification<T>
    {
        public Composite(Specification<T> left, Specification<T> right, Func<Expression, Expression, BinaryExpression> combine)
        {
            var l = left.ToExpression();
            var r = right.ToExpression();
            var parameter = Expression.Parameter(typeof(T), "x");
            var body = combine(new ParameterRebinder(l.Parameters[0], parameter).Visit(l.Body), new ParameterRebinder(r.Parameters[0], parameter).Visit(r.Body));
            Query.Where(Expression.Lambda<Func<T, bool>>(body, parameter));
        }
    }

    private sealed class Negation : Specification<T>
    {
        public Negation(Specification<T> inner)
        {
            var e = inner.ToExpression();
            Query.Where(Expression.Lambda<Func<T, bool>>(Expression.Not(e.Body), e.Parameters));
        }
    }

    private sealed class ParameterRebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

using System.Linq.Expressions;
using Ardalis.Specification;

namespace KubeCore.Common;

/// <summary>
/// What KubeCore adds to Ardalis.Specification for its rule specifications (pure predicates built with
/// <c>Query.Where(...)</c>): one expression a LINQ provider such as EF Core can translate, a filter over an
/// <see cref="IQueryable{T}"/>, and the combinators <see cref="And{T}"/>, <see cref="Or{T}"/> and <see cref="Not{T}"/>.
/// </summary>
/// <remarks>
/// <para><b>Supported composition:</b> specifications whose only parts are <c>Where</c> criteria (all of which must hold).
/// Their criteria are merged into one lambda over one parameter with <c>AndAlso</c>, <c>OrElse</c> and <c>Not</c>: no
/// <c>Invoke</c> node, nothing compiled, so the result translates wherever each criterion does. A specification with
/// ordering, paging, search, includes or a post-processing action is refused (<see cref="ArgumentException"/>): those
/// parts would otherwise be dropped silently. Query specifications with them need Ardalis' own evaluators.</para>
/// <para>In memory, use Ardalis' <c>IsSatisfiedBy</c> and <c>Evaluate(IEnumerable)</c>. Over a query, use
/// <see cref="WhereSatisfies{T}"/>: <c>spec.Evaluate(query)</c> binds to the <see cref="IEnumerable{T}"/> overload and
/// would filter in memory.</para>
/// </remarks>
public static class SpecificationExpressions
{
    /// <summary>The conjunction of the specification's <c>Where</c> criteria as one expression (<c>x =&gt; true</c> when there is none).</summary>
    /// <exception cref="ArgumentException">The specification is null or has parts other than <c>Where</c> criteria.</exception>
    public static Expression<Func<T, bool>> ToExpression<T>(this ISpecification<T> specification)
    {
        var filters = CheckRule(specification).WhereExpressions.Select(w => w.Filter).ToList();
        if (filters.Count == 1)
        {
            return filters[0];
        }
        var x = Expression.Parameter(typeof(T), "x");
        var body = filters.Select(f => new Rebind(f.Parameters[0], x).Visit(f.Body)).DefaultIfEmpty(Expression.Constant(true)).Aggregate(Expression.AndAlso);
        return Expression.Lambda<Func<T, bool>>(body, x);
    }

    /// <summary>The query filtered by <paramref name="specification"/>'s criteria, as one <c>Where</c> a LINQ provider translates.</summary>
    /// <exception cref="ArgumentException">An argument is null, or the specification has parts other than <c>Where</c> criteria.</exception>
    public static IQueryable<T> WhereSatisfies<T>(this IQueryable<T> query, ISpecification<T> specification) =>
        Preconditions.CheckNotNull(query).Where(specification.ToExpression());

    /// <summary>A specification satisfied when both are.</summary>
    /// <exception cref="ArgumentException">An argument is null or has parts other than <c>Where</c> criteria.</exception>
    public static Specification<T> And<T>(this ISpecification<T> left, ISpecification<T> right) => Combine(left, right, Expression.AndAlso);

    /// <summary>A specification satisfied when either is.</summary>
    /// <exception cref="ArgumentException">An argument is null or has parts other than <c>Where</c> criteria.</exception>
    public static Specification<T> Or<T>(this ISpecification<T> left, ISpecification<T> right) => Combine(left, right, Expression.OrElse);

    /// <summary>A specification satisfied when <paramref name="specification"/> is not.</summary>
    /// <exception cref="ArgumentException">The specification is null or has parts other than <c>Where</c> criteria.</exception>
    public static Specification<T> Not<T>(this ISpecification<T> specification)
    {
        var e = specification.ToExpression();
        return Of(Expression.Lambda<Func<T, bool>>(Expression.Not(e.Body), e.Parameters));
    }

    private static Specification<T> Combine<T>(ISpecification<T> left, ISpecification<T> right, Func<Expression, Expression, BinaryExpression> combine)
    {
        var (l, r) = (left.ToExpression(), right.ToExpression());
        return Of(Expression.Lambda<Func<T, bool>>(combine(l.Body, new Rebind(r.Parameters[0], l.Parameters[0]).Visit(r.Body)), l.Parameters));
    }

    private static Specification<T> Of<T>(Expression<Func<T, bool>> criterion)
    {
        var specification = new Specification<T>();
        specification.Query.Where(criterion);
        return specification;
    }

    private static ISpecification<T> CheckRule<T>(ISpecification<T> specification) =>
        Preconditions.CheckNotNull(specification) is { Skip: <= 0, Take: <= 0, PostProcessingAction: null }
        && !specification.OrderExpressions.Any() && !specification.SearchCriterias.Any() && !specification.IncludeExpressions.Any() && !specification.IncludeStrings.Any()
            ? specification
            : throw new ArgumentException("Only specifications made of Where criteria compose and translate here.", nameof(specification));

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

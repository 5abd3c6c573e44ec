package emit

import (
	"context"

	"github.com/wso2lint/wso2lint/internal/model"
)

// Check renders the rules for homes with opt and compares them with the
// committed file. ok is true when they are byte-identical; otherwise diff is a
// unified-style line diff from the committed file to the generated one. err is
// set (and ok false) when the rules cannot be rendered, e.g. a *CollisionError.
func Check(ctx context.Context, committed []byte, homes []*model.Home, opt Options) (diff string, ok bool, err error) {
	p, err := MakePlan(ctx, homes, opt)
	if err != nil {
		return "", false, err
	}
	return CheckPlan(committed, p, opt)
}

// CheckPlan is Check for a plan made by MakePlan.
func CheckPlan(committed []byte, p *Plan, opt Options) (diff string, ok bool, err error) {
	got, err := RenderPlan(p, opt)
	if err != nil {
		return "", false, err
	}
	if string(got) == string(committed) {
		return "", true, nil
	}
	return LineDiff("committed", "generated", string(committed), string(got)), false, nil
}

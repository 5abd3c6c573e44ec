package kubernetes

import (
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	"k8s.io/apimachinery/pkg/util/validation"
	"sigs.k8s.io/yaml"
)

// checkStrict decodes every document of out into the upstream Kubernetes
// type of its kind with unknown fields rejected, and checks the names the
// API server validates (object names, port names, label values).
func checkStrict(t *testing.T, out string, patch bool) {
	t.Helper()
	docs := strings.Split(out, "\n---\n")
	if len(docs) < 2 {
		t.Fatalf("no document after the header:\n%s", out)
	}
	for i, doc := range docs[1:] {
		if patch {
			var d appsv1.Deployment
			if err := yaml.UnmarshalStrict([]byte(doc), &d); err != nil {
				t.Fatalf("document %d: strict decode as apps/v1 Deployment patch: %v\n%s", i+1, err, doc)
			}
			for _, c := range d.Spec.Template.Spec.Containers {
				checkPortNames(t, c.Name, func(yield func(string) bool) {
					for _, p := range c.Ports {
						if p.ContainerPort < 1 || p.ContainerPort > 65535 || p.Protocol != corev1.ProtocolTCP && p.Protocol != corev1.ProtocolUDP {
							t.Errorf("container port %+v", p)
						}
						if !yield(p.Name) {
							return
						}
					}
				})
			}
			continue
		}
		var tm struct{ Kind string }
		if err := yaml.Unmarshal([]byte(doc), &tm); err != nil {
			t.Fatalf("document %d: %v", i+1, err)
		}
		switch tm.Kind {
		case "Service":
			var s corev1.Service
			if err := yaml.UnmarshalStrict([]byte(doc), &s); err != nil {
				t.Fatalf("document %d: strict decode as v1 Service: %v\n%s", i+1, err, doc)
			}
			if errs := validation.IsDNS1035Label(s.Name); len(errs) > 0 {
				t.Errorf("Service name %q: %v", s.Name, errs)
			}
			seen := map[string]bool{}
			checkPortNames(t, s.Name, func(yield func(string) bool) {
				for _, p := range s.Spec.Ports {
					k := string(p.Protocol) + "/" + p.TargetPort.String()
					if seen[k] {
						t.Errorf("Service %s: port %s twice", s.Name, k)
					}
					seen[k] = true
					if p.Port != p.TargetPort.IntVal {
						t.Errorf("Service %s: port %d targets %s", s.Name, p.Port, p.TargetPort.String())
					}
					if !yield(p.Name) {
						return
					}
				}
			})
			checkLabels(t, s.Spec.Selector)
		case "NetworkPolicy":
			var np networkingv1.NetworkPolicy
			if err := yaml.UnmarshalStrict([]byte(doc), &np); err != nil {
				t.Fatalf("document %d: strict decode as networking/v1 NetworkPolicy: %v\n%s", i+1, err, doc)
			}
			if errs := validation.IsDNS1123Subdomain(np.Name); len(errs) > 0 {
				t.Errorf("NetworkPolicy name %q: %v", np.Name, errs)
			}
			if len(np.Spec.Ingress) != 1 || len(np.Spec.Ingress[0].Ports) == 0 {
				t.Errorf("NetworkPolicy %s: want one ingress rule with ports: %+v", np.Name, np.Spec.Ingress)
			}
			checkLabels(t, np.Spec.PodSelector.MatchLabels)
		default:
			t.Errorf("document %d: unexpected kind %q", i+1, tm.Kind)
		}
	}
}

func checkPortNames(t *testing.T, owner string, names func(yield func(string) bool)) {
	t.Helper()
	seen := map[string]bool{}
	for n := range names {
		if errs := validation.IsValidPortName(n); len(errs) > 0 {
			t.Errorf("%s: port name %q: %v", owner, n, errs)
		}
		if seen[n] {
			t.Errorf("%s: port name %q twice", owner, n)
		}
		seen[n] = true
	}
}

func checkLabels(t *testing.T, labels map[string]string) {
	t.Helper()
	for k, v := range labels {
		if errs := validation.IsQualifiedName(k); len(errs) > 0 {
			t.Errorf("label key %q: %v", k, errs)
		}
		if errs := validation.IsValidLabelValue(v); len(errs) > 0 {
			t.Errorf("label %s value %q: %v", k, v, errs)
		}
	}
}

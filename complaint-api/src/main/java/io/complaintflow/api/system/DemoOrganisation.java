package io.complaintflow.api.system;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.complaintflow.process.product.Product;
import io.complaintflow.process.product.ProductRepository;
import io.complaintflow.process.staff.StaffGroups;

/**
 * A demo organisation to try the platform with: a few people in each group (password {@value #PASSWORD}) and a small
 * product catalogue. Created at the first start, skipped when the users exist. Off with
 * {@code complaintflow.demo.enabled=false} (the postgres profile turns it off).
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "complaintflow.demo.enabled", havingValue = "true")
class DemoOrganisation implements ApplicationRunner {

  static final String PASSWORD = "demo";
  private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

  /** A demo user: id, display name, email, groups. */
  record Person(String id, String name, String email, List<String> groups) {
  }

  static final List<Person> PEOPLE = List.of(
      new Person("zhangwei", "张伟", "zhangwei@complaintflow.test", List.of(StaffGroups.AGENTS)),
      new Person("lina", "李娜", "lina@complaintflow.test", List.of(StaffGroups.AGENTS)),
      new Person("wangfang", "王芳", "wangfang@complaintflow.test", List.of(StaffGroups.AGENTS, StaffGroups.VIP_DESK)),
      new Person("liuyang", "刘洋", "liuyang@complaintflow.test", List.of(StaffGroups.SUPERVISORS)),
      new Person("chenjing", "陈静", "chenjing@complaintflow.test", List.of(StaffGroups.SUPERVISORS)),
      new Person("yangmin", "杨敏", "yangmin@complaintflow.test", List.of(StaffGroups.MANAGERS)),
      new Person("zhaolei", "赵磊", "zhaolei@complaintflow.test", List.of(StaffGroups.DIRECTORS)),
      new Person("huangqiang", "黄强", "huangqiang@complaintflow.test", List.of(StaffGroups.DEPT_QUALITY)),
      new Person("zhoujie", "周杰", "zhoujie@complaintflow.test", List.of(StaffGroups.DEPT_PRODUCT)),
      new Person("wuxia", "吴霞", "wuxia@complaintflow.test", List.of(StaffGroups.DEPT_BILLING)),
      new Person("xuming", "徐明", "xuming@complaintflow.test", List.of(StaffGroups.DEPT_LOGISTICS)),
      new Person("qianjun", "钱军", "qianjun@complaintflow.test", List.of(StaffGroups.QUALITY_MANAGERS)),
      new Person("sunli", "孙丽", "sunli@complaintflow.test", List.of(StaffGroups.PROCESS_OWNERS)),
      new Person("prometheus", "监控采集", "prometheus@complaintflow.test", List.of(StaffGroups.MONITORING)),
      new Person("admin", "系统管理员", "admin@complaintflow.test", List.of(StaffGroups.ADMINS)));

  static final List<Product> PRODUCTS = List.of(
      Product.of("RC-2026", "智能电饭煲 RC-2026", "home-appliance"),
      Product.of("AC-900", "变频空调 AC-900", "home-appliance"),
      Product.of("BB-300", "家庭宽带 300M 套餐", "broadband"),
      Product.of("MOB-58", "5G 畅享 58 元套餐", "mobile"),
      Product.of("DLV-EXP", "次日达配送服务", "delivery"));

  private final IdentityService identity;
  private final ProductRepository products;
  private final Clock clock;

  DemoOrganisation(IdentityService identity, ProductRepository products, Clock clock) {
    this.identity = identity;
    this.products = products;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    int created = 0;
    Set<String> present = identity.createUserQuery().userIdIn(PEOPLE.stream().map(Person::id).toArray(String[]::new))
        .list().stream().map(User::getId).collect(Collectors.toSet());
    for (Person p : PEOPLE) {
      if (present.contains(p.id())) {
        continue;   // present since an earlier start (perhaps edited in Admin): left alone
      }
      created++;
      User u = identity.newUser(p.id());
      u.setFirstName(p.name());
      u.setLastName("");
      u.setEmail(p.email());
      u.setPassword(PASSWORD);
      identity.saveUser(u);
      p.groups().forEach(g -> identity.createMembership(p.id(), g));
    }
    for (Product p : PRODUCTS) {
      if (!products.existsById(p.code())) {
        products.save("RC-2026".equals(p.code())
            ? p.withHandlingPlan("内胆裂纹、涂层脱落属批次质量问题:7 天内无条件换新,另赠 50 元代金券;"
                + "超过 7 天的免费上门更换内胆。涉及烫伤的立即转主管并登记人身伤害。", clock.instant())
            : p);
      }
    }
    if (created > 0) {
      log.info("Created demo organisation: {} users (password '{}'), {} products", created, PASSWORD,
          PRODUCTS.size());
    }
  }
}
